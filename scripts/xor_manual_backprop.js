// XOR with a 2-2-1 sigmoid network trained by hand-written backpropagation: matmul, transpose,
// exp, log and mean, no autograd (from "PyTorch 익히기 - Multi Layer Perceptron", 모두를 위한 딥러닝
// 시즌2), in JavaScript. Operators are methods here: `a * b` is a.mul(b), `1 - Y` is Y.rsub(1).
// torchglot: seeded, with learning_rate = 1 and the normal_ initialisation restored as in
// xor_manual_backprop.py, so the numbers equal its.
const torch = require('torch');

torch.manualSeed(777);

const X = torch.FloatTensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const Y = torch.FloatTensor([[0], [1], [1], [0]]);

let w1 = new torch.Tensor(2, 2);
let b1 = new torch.Tensor(2);
let w2 = new torch.Tensor(2, 1);
let b2 = new torch.Tensor(1);

torch.nn.init.normal_(w1);
torch.nn.init.normal_(b1);
torch.nn.init.normal_(w2);
torch.nn.init.normal_(b2);

function sigmoid(x) {
  // sigmoid function: 1 / (1 + exp(-x))
  return torch.exp(x.neg()).add(1.0).reciprocal();
}

function sigmoid_prime(x) {
  // derivative of the sigmoid function
  return sigmoid(x).mul(sigmoid(x).rsub(1));
}

const learning_rate = 1;
for (let epoch = 0; epoch <= 10000; epoch++) {
  // forward propagation
  const l1 = torch.add(torch.matmul(X, w1), b1);
  const a1 = sigmoid(l1);
  const l2 = torch.add(torch.matmul(a1, w2), b2);
  const Y_pred = sigmoid(l2);

  // binary cross entropy loss
  const cost = torch.mean(Y.mul(torch.log(Y_pred)).add(Y.rsub(1).mul(torch.log(Y_pred.rsub(1))))).neg();
  // back propagation (chain rule)
  // Loss derivative; 1e-7 keeps the division away from zero
  const d_Y_pred = Y_pred.sub(Y).div(Y_pred.mul(Y_pred.rsub(1.0)).add(1e-7));
  // Layer 2
  const d_l2 = d_Y_pred.mul(sigmoid_prime(l2));
  const d_b2 = d_l2;
  const d_w2 = torch.matmul(torch.transpose(a1, 0, 1), d_b2);

  // Layer 1
  const d_a1 = torch.matmul(d_b2, torch.transpose(w2, 0, 1));
  const d_l1 = d_a1.mul(sigmoid_prime(l1));
  const d_b1 = d_l1;
  const d_w1 = torch.matmul(torch.transpose(X, 0, 1), d_b1);

  // Weight update
  w1 = w1.sub(d_w1.mul(learning_rate));
  b1 = b1.sub(torch.mean(d_b1, 0).mul(learning_rate));
  w2 = w2.sub(d_w2.mul(learning_rate));
  b2 = b2.sub(torch.mean(d_b2, 0).mul(learning_rate));

  if (epoch % 100 === 0) {
    console.log(epoch, cost.item());
  }
}
