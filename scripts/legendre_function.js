// legendre_function.py in JavaScript: a custom torch.autograd.Function (the Legendre polynomial P3 and its
// derivative) fitted to sin(x) by plain gradient descent, after PyTorch's tutorial "Defining New autograd
// Functions" (pytorch/tutorials, BSD-3-Clause). Its golden file is PyTorch's output of the .py.
const torch = require('torch');

class P3 extends torch.autograd.Function {
  static forward(ctx, t) {
    ctx.save_for_backward(t);
    return t.pow(3).mul(5).sub(t.mul(3)).mul(0.5);
  }

  static backward(ctx, grad_output) {
    const [t] = ctx.saved_tensors;
    return grad_output.mul(1.5).mul(t.pow(2).mul(5).sub(1));
  }
}

const x = torch.linspace(-Math.PI, Math.PI, 2000, { dtype: torch.float });
const y = torch.sin(x);

const a = torch.full([], 0.0, { requires_grad: true });
const b = torch.full([], -1.0, { requires_grad: true });
const c = torch.full([], 0.0, { requires_grad: true });
const d = torch.full([], 0.3, { requires_grad: true });

const step_size = 5e-6;
let prediction;
for (let step = 0; step < 600; step++) {
  prediction = a.add(b.mul(P3.apply(c.add(d.mul(x)))));
  const loss = prediction.sub(y).pow(2).sum();
  if (step % 100 === 99) {
    console.log(step, loss.item());
  }
  loss.backward();
  torch.no_grad(() => {
    for (const w of [a, b, c, d]) {
      w.sub_(w.grad.mul(step_size));
      w.grad = null;
    }
  });
}

// Python writes a one-digit exponent with a leading zero (1e-09 where JavaScript writes 1e-9)
const py = (v) => String(v).replace(/e([+-])(\d)$/, 'e$10$2');
console.log(`y = ${py(a.item())} + ${py(b.item())} * P3(${py(c.item())} + ${py(d.item())} x)`);
console.log(prediction.grad_fn.name());
