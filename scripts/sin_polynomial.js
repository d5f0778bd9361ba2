// sin_polynomial.py in JavaScript: y = a + b x + c x^2 + d x^3 fitted to sin(x) with autograd tensors and
// hand-written updates, after PyTorch's tutorial "PyTorch: Tensors and autograd" (pytorch/tutorials,
// BSD-3-Clause). Its golden file is PyTorch's output of the .py.
const torch = require('torch');

torch.manual_seed(0);
const x = torch.linspace(-Math.PI, Math.PI, 2000);
const y = torch.sin(x);
console.log(String(x.index(':4')), String(x.index('-4:')));
console.log(String(y.sum()), String(y.abs().mean()));

const [a, b, c, d] = [0, 1, 2, 3].map(() => torch.randn([], { requires_grad: true }));
for (let step = 0; step < 600; step++) {
  const prediction = a.add(b.mul(x)).add(c.mul(x.pow(2))).add(d.mul(x.pow(3)));
  const loss = prediction.sub(y).pow(2).sum();
  if (step % 100 === 99) {
    console.log(step, loss.item());
  }
  loss.backward();
  torch.no_grad(() => {
    for (const w of [a, b, c, d]) {
      w.sub_(w.grad.mul(1e-6));
      w.grad = null;
    }
  });
}

console.log(`y = ${a.item()} + ${b.item()} x + ${c.item()} x^2 + ${d.item()} x^3`);
