// Tensors from and to typed arrays, and iteration: rows of a tensor by destructuring and spread,
// samples of a Dataset, batches of a DataLoader, layers of a Sequential and a ModuleList.
const torch = require('torch');

const pixels = new Float32Array([0, 0.25, 0.5, 0.75, 1, 0.5]);
const image = torch.tensor(pixels).view(2, 3);
console.log(image, image.dtype);
console.log(torch.tensor(new Float64Array([1.5, 2.5])).dtype, torch.tensor(new Int32Array([1, 2])).dtype,
  torch.tensor(new BigInt64Array([3n, 4n])).dtype);

console.log(image.mul(2).toTypedArray());
console.log(torch.arange(4).toTypedArray(), torch.tensor([0.1], { dtype: torch.float64 }).toTypedArray());
console.log(torch.tensor([true, false]).toTypedArray());

const [top, bottom] = image;
console.log(top, bottom, [...top].map((v) => v.item()));

const dataset = new torch.utils.data.TensorDataset(torch.arange(6).view(3, 2), torch.tensor([10, 20, 30]));
for (const [features, label] of dataset) {
  console.log(features.tolist(), label.item());
}
console.log([...dataset].length);
for (const [xb, yb] of new torch.utils.data.DataLoader(dataset, { batch_size: 2 })) {
  console.log(xb.shape, yb);
}

torch.manual_seed(0);
const net = new torch.nn.Sequential(new torch.nn.Linear(3, 2), new torch.nn.ReLU());
const heads = new torch.nn.ModuleList([new torch.nn.Linear(2, 1), new torch.nn.Linear(2, 1)]);
for (const layer of net) {
  console.log(String(layer));
}
console.log([...heads].map((head) => head(net(image)).shape));
