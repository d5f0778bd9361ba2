// Tensor.register_hook in JavaScript: tensor_hooks.py's hooks. Its golden file is tensor_hooks.py.out from real
// PyTorch, with the last hook's name (a named function here, a lambda there).
const torch = require('torch');

torch.manual_seed(0);
const w = torch.randn(3, { requires_grad: true });
const x = torch.randn(3);

const seen = [];
const h1 = w.register_hook((g) => { seen.push(g.clone()); });   // observes: gradient unchanged
const h2 = w.register_hook((g) => g.mul(2));                    // doubles what reaches w.grad
const y = w.mul(x).exp();
y.register_hook((g) => g.add(1));                               // on an intermediate: changes what flows on
y.sum().backward();
console.log('seen', String(seen[0]));
console.log('w.grad', String(w.grad));

h2.remove();
h1.remove();
w.grad = null;
w.mul(x).exp().sum().backward();
console.log('after remove', String(w.grad), seen.length);

const a = torch.tensor([1.0, 2.0], { requires_grad: true });
const b = a.mul(3);
b.register_hook((g) => { console.log("b's gradient", String(g)); });
b.mul(b).add(b).sum().backward();
console.log('a.grad', String(a.grad));

const model = new torch.nn.Linear(4, 2);
for (const p of model.parameters()) {
  p.registerHook((g) => g.clamp(-0.1, 0.1));
}
const loss = model.forward(torch.randn(5, 4).mul(10)).pow(2).mean();
loss.backward();
console.log('clipped', model.weight.grad.abs().max().item() <= 0.1 + 1e-6 ? 'True' : 'False', String(model.bias.grad));

try {
  torch.ones(2).register_hook((g) => g);
} catch (e) {
  console.log('RuntimeError:', e.message);
}
try {
  const c = torch.ones(2, { requires_grad: true });
  c.register_hook(function sumHook(g) { return g.sum(); });
  c.mul(2).sum().backward();
} catch (e) {
  console.log('RuntimeError:', e.message);
}
