// Single- and multi-layer perceptrons with nn.Linear, nn.ReLU and nn.Sequential, trained with
// Adam on MSE until the loss is below 1e-5 (from a Korean tutorial on wikidocs.net/60680), in
// JavaScript. torchglot: seeded as perceptron.py is, so the numbers equal its.
const torch = require('torch');
const nn = torch.nn;

torch.manualSeed(0);

let input_size = 10;
let output_size = 5;
let input_data = torch.ones(input_size); // a tensor of input_size ones
let linear_layer = new nn.Linear(input_size, output_size);
let relu = new nn.ReLU();
let output = linear_layer(input_data);
const output_relu = relu(output);
console.log(output_relu);

const output_manual = input_data.matmul(linear_layer.weight.data.T).add(linear_layer.bias.data);
console.log('Manual linear output:', output_manual);

input_size = 4;
const hidden_size = 5;
output_size = 3;
input_data = torch.ones(input_size);
linear_layer = new nn.Linear(input_size, hidden_size);
const hidden_layer = new nn.Linear(hidden_size, output_size);
relu = new nn.ReLU();
const model = new nn.Sequential(linear_layer, relu, hidden_layer);
output = model(input_data);
console.log(output);

const { Adam } = torch.optim;
const loss_fn = new nn.MSELoss();
const ground_truth = torch.tensor([0, 0.5, 1], { dtype: torch.float });
const optimizer = new Adam(model.parameters(), { lr: 0.1 });
for (let i = 0; ; i++) { // backpropagate until the loss is small enough
  optimizer.zero_grad(); // 1. Clear gradient
  output = model(input_data); // 2. Forward propagation
  const loss = loss_fn(output, ground_truth); // 3. Compute loss
  loss.backward(); // 4. Backward propagation
  optimizer.step(); // 5. Update parameters
  console.log(`${i} Loss:`, loss.item());
  if (loss.item() < 1e-5) {
    break;
  }
}
console.log('Output:', model(input_data));
