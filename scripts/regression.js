// Regression of a noisy line with a small torch.nn.Module subclass, F.mse_loss and optim.Adam,
// in JavaScript. Seeded with 42; regression.R is its twin, and
// tools/fixtures/r_tutorials_reference.py prints PyTorch's numbers for the same model.
const torch = require('torch');
const nn = torch.nn;
const F = torch.nn.functional;

torch.manualSeed(42);
const x = torch.linspace(-1, 1, 50).unsqueeze(1);
const y = x.mul(3).add(0.5).add(torch.randn(50, 1).mul(0.1));

class Regressor extends nn.Module {
  constructor(hidden) {
    super();
    this.hidden = new nn.Linear(1, hidden);
    this.out = new nn.Linear(hidden, 1);
  }

  forward(x) {
    return this.out(F.relu(this.hidden(x)));
  }
}

const model = new Regressor(8);
console.log(model);
const optimizer = new torch.optim.Adam(model.parameters(), { lr: 0.05 });

for (let epoch = 1; epoch <= 200; epoch++) {
  optimizer.zero_grad();
  const loss = F.mse_loss(model(x), y);
  loss.backward();
  optimizer.step();
  if (epoch % 20 === 0) {
    console.log(`epoch ${String(epoch).padStart(3)}  loss ${loss.item().toFixed(6)}`);
  }
}

torch.no_grad(() => {
  console.log(model(torch.tensor([[-0.5], [0.0], [0.5]])));
});
