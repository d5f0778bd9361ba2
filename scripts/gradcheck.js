// torch.autograd.gradcheck and gradgradcheck in JavaScript: gradcheck.py's checks, with options objects
// for the keyword arguments; it prints what gradcheck.py prints under PyTorch.
const torch = require('torch');
const { gradcheck, gradgradcheck } = torch.autograd;

class Cube extends torch.autograd.Function {
  static forward(ctx, x) {
    ctx.save_for_backward(x);
    return x.pow(3);
  }

  static backward(ctx, grad) {
    const [x] = ctx.saved_tensors;
    return x.pow(2).mul(3).mul(grad);
  }
}

class WrongCube extends torch.autograd.Function {
  static forward(ctx, x) {
    ctx.save_for_backward(x);
    return x.pow(3);
  }

  static backward(ctx, grad) {
    const [x] = ctx.saved_tensors;
    return x.mul(2).mul(grad);
  }
}

const cube = (x) => Cube.apply(x);
const x = torch.tensor([[1.0, 2.0], [0.5, -1.0]], { dtype: torch.float64, requires_grad: true });
console.log(gradcheck(cube, [x]) ? 'True' : 'False');
console.log(gradcheck(cube, x, { eps: 1e-6, atol: 1e-4 }) ? 'True' : 'False');
console.log(gradcheck((a) => WrongCube.apply(a), [x], { raiseException: false }) ? 'True' : 'False');
try {
  gradcheck((a) => WrongCube.apply(a), [x]);
} catch (e) {
  console.log(e.torchName, e instanceof Error ? 'True' : 'False');
  console.log(e.message);
}
const w = torch.tensor([1.5, -2.0, 0.25], { dtype: torch.float64, requires_grad: true });
const m = torch.tensor([[0.3, 0.1, 0.2], [0.4, -0.5, 0.6]], { dtype: torch.float64, requires_grad: true });
const show = (b) => console.log(b ? 'True' : 'False');
show(gradcheck((a, b) => [a.matmul(b), a.mul(2).sum()], [m, w]));
show(gradcheck((a, b) => torch.tanh(a.mul(b)), [w, w.detach().clone().requires_grad_()]));
show(gradgradcheck((a) => torch.sigmoid(a).sum().mul(a), [w]));
torch.manual_seed(0);
show(gradgradcheck((a) => a.pow(3), [w]));
show(gradgradcheck(cube, [w], { raise_exception: false }));
console.log(String(torch.rand(2)));
try {
  gradcheck(cube, [torch.tensor([1.0, 2.0], { dtype: torch.float64 })]);
} catch (e) {
  console.log(`${e.torchName}: ${e.message}`);
}
const x32 = () => torch.tensor([1.0, 2.0], { requires_grad: true });
try {
  gradcheck((a) => a.mul(2), [x32()]);
} catch (e) {
  console.log(e.message);
}
show(gradcheck((a) => a.mul(2), [x32()], { eps: 1e-3, atol: 1e-2, rtol: 1e-2 }));
show(gradgradcheck((a) => WrongCube.apply(a).mul(1.0), [x]));
