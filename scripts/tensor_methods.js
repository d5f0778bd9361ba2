// Tensor methods whose tensor is not the op's first argument, as tensor_methods.py: x.where(condition, y) is
// torch.where(condition, x, y), x.polygamma(n) is torch.polygamma(n, x). Its golden file is tensor_methods.py.out
// from real PyTorch.
const torch = require('torch');

const x = torch.tensor([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]]);
const positive = x.gt(0);
console.log(String(x.where(positive, torch.zeros(2, 3))));
console.log(String(x.where(positive, torch.tensor(-1.0))));
console.log(String(torch.where(positive, x, torch.zeros(2, 3))));
console.log(String(x.where({ condition: x.lt(0), other: x.mul(10) })));

const t = torch.tensor([0.5, 1.0, 2.5], { requires_grad: true });
console.log(String(t.polygamma(1)));
console.log(String(t.polygamma({ n: 2 })));
console.log(String(torch.polygamma(1, t)));
t.polygamma(1).sum().backward();
console.log(String(t.grad));

try {
  x.where(positive);
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
