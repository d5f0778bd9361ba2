// Fitting y = 2x - 1 with torch imported as an ECMAScript module: a default import and named imports,
// top-level await, a DataLoader iterated with for...of and destructuring, values logged as Node logs them.
import torch from 'torch';
import { nn, optim } from 'torch';
import { inspect } from 'util';

torch.manual_seed(0);

/** Stands for data arriving asynchronously (a fetch, a file read). */
async function loadData() {
  const x = torch.linspace(-1, 1, 16).unsqueeze(1);
  return [x, x.mul(2).sub(1)];
}

const [x, y] = await loadData();
const loader = new torch.utils.data.DataLoader(new torch.utils.data.TensorDataset(x, y), { batch_size: 4, shuffle: true });
const model = new nn.Linear(1, 1);
const optimizer = new optim.SGD(model.parameters(), { lr: 0.05 });
const lossFn = new nn.MSELoss();

const history = [];
for (let epoch = 1; epoch <= 10; epoch++) {
  let total = 0;
  for (const [xb, yb] of loader) {
    optimizer.zero_grad();
    const loss = lossFn(model(xb), yb);
    loss.backward();
    optimizer.step();
    total += loss.item();
  }
  history.push(Number((total / loader.length).toFixed(4)));
}
console.log('losses:', history);
const [weight, bias] = model.parameters();
console.log({ weight, bias, model });
console.log(`${inspect(weight.item().toFixed(2))} and ${await Promise.resolve(bias.item().toFixed(2))}`);
