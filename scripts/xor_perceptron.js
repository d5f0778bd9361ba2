// XOR with a single-layer perceptron: it cannot learn XOR, the loss stalls near 0.693
// (from "PyTorch 익히기 - Multi Layer Perceptron", 모두를 위한 딥러닝 시즌2), in JavaScript.
// torchglot: seeded with torch.manualSeed(777) as the course's own code is, so the numbers equal
// xor_perceptron.py's.
const torch = require('torch');

torch.manualSeed(777);

const X = torch.FloatTensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const Y = torch.FloatTensor([[0], [1], [1], [0]]);

// nn layers
const linear = new torch.nn.Linear(2, 1, { bias: true }); // FC Layer
const sigmoid = new torch.nn.Sigmoid(); // activation function
const model = new torch.nn.Sequential(linear, sigmoid);

// define cost & optimizer
const criterion = new torch.nn.BCELoss(); // binary cross entropy loss
const optimizer = new torch.optim.SGD(model.parameters(), { lr: 1 });

for (let step = 0; step <= 10000; step++) {
  optimizer.zero_grad();
  const hypothesis = model(X);
  // cost function
  const cost = criterion(hypothesis, Y);
  cost.backward();
  optimizer.step();
  if (step % 1000 === 0) {
    console.log(step, cost.item());
  }
}

torch.no_grad(() => {
  const hypothesis = model(X);
  const predicted = hypothesis.gt(0.5).float();
  const accuracy = predicted.eq(Y).float().mean();
  console.log('Hypothesis: ', hypothesis, '\nCorrect: ', predicted, '\nAccuracy: ', accuracy.item());
});
