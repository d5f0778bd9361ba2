// The two-layer net of the R torch tutorial (two_layer_net.R), in JavaScript: seed 123,
// x = randn(64, 1000), Linear(1000, 100) - ReLU - Linear(100, 10), MSE, SGD lr = 1e-4.
const torch = require('torch');
const nn = torch.nn;
const F = torch.nn.functional;

const batch_size = 64;
const D_in = 1000;
const H = 100;
const D_out = 10;

torch.manualSeed(123);
const x = torch.randn(batch_size, D_in);
const y = torch.randn(batch_size, D_out);
console.log(x.shape);
console.log(x.index(':3, :3'));

const learning_rate = 1e-4;

class TwoLayerNet extends nn.Module {
  constructor(D_in, H, D_out) {
    super();
    this.layer_01 = new nn.Linear({ in_features: D_in, out_features: H });
    this.layer_02 = new nn.Linear({ in_features: H, out_features: D_out });
  }

  forward(input) {
    return this.layer_02(F.relu(this.layer_01(input)));
  }
}

torch.manualSeed(123);
const model = new TwoLayerNet(D_in, H, D_out);
const optimizer = new torch.optim.SGD(model.parameters(), { lr: learning_rate });
for (let n_step = 1; n_step <= 500; n_step++) {
  const y_pred = model(x);
  const loss = F.mse_loss(y_pred, y);
  if (n_step % 100 === 0) {
    console.log('Step:', n_step, ':', loss.item());
  }
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
}
