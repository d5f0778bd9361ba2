// Run once by the warm server before it takes scripts (see warmup.py); output is discarded.
const torch = require('torch');
const nn = torch.nn;
const F = torch.nn.functional;

torch.manualSeed(0);
const x = torch.randn(8, 4);
const y = torch.randn(8, 1);
const model = new nn.Sequential(new nn.Linear(4, 16), new nn.ReLU(), new nn.Linear(16, 1));
const optimizer = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
for (let step = 0; step < 200; step++) {
  optimizer.zero_grad();
  const loss = F.mse_loss(model(x), y);
  loss.backward();
  optimizer.step();
  if (step % 50 === 0) console.log(step, loss.item());
}
console.log(x.index(':2, :2'));
