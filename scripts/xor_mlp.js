// XOR with a multi-layer perceptron: Linear(2, 2) - Sigmoid - Linear(2, 1) - Sigmoid trained with
// BCE and SGD (from "PyTorch 익히기 - Multi Layer Perceptron", 모두를 위한 딥러닝 시즌2), in JavaScript.
// torchglot: seeded with torch.manualSeed(777) as the course's own code is, so the numbers equal
// xor_mlp.py's; the results print as tensors where the Python prints numpy arrays.
const torch = require('torch');

torch.manualSeed(777);

const X = torch.FloatTensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const Y = torch.FloatTensor([[0], [1], [1], [0]]);

// nn layers
const linear1 = new torch.nn.Linear(2, 2, { bias: true });
const linear2 = new torch.nn.Linear(2, 1, { bias: true });
const sigmoid = new torch.nn.Sigmoid();
const model = new torch.nn.Sequential(linear1, sigmoid, linear2, sigmoid);

// define cost & optimizer
const criterion = new torch.nn.BCELoss();
const optimizer = new torch.optim.SGD(model.parameters(), { lr: 1 });

for (let epoch = 0; epoch <= 10000; epoch++) {
  optimizer.zero_grad();
  const hypothesis = model(X);

  // cost function
  const cost = criterion(hypothesis, Y);
  cost.backward();
  optimizer.step();

  if (epoch % 1000 === 0) {
    console.log(`Epoch: ${String(epoch).padStart(4)} \\ Cost: ${cost.item().toFixed(4)}`);
  }
}

// Accuracy computation
torch.no_grad(() => {
  const hypothesis = model(X);
  const predicted = hypothesis.gt(0.5).float();
  const accuracy = predicted.eq(Y).float().mean();
  console.log('Hypothesis: \n', hypothesis, '\nCorrect: \n', predicted, '\nAccuracy: ', accuracy.item());
});
