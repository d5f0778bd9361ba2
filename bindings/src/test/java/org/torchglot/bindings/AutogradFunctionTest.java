package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import org.junit.jupiter.api.Test;

/**
 * torch.autograd.Function, autograd.grad and autograd.functional in Python and the JavaScript
 * Function shape. The Python script is PyTorch's LegendrePolynomial3 tutorial ("Learning PyTorch with
 * Examples", 600 of its 2000 steps) plus a numerical gradient check; the expected text is real PyTorch's.
 */
class AutogradFunctionTest {

    @Test
    void theLegendrePolynomialTutorialAndGradPrintWhatPyTorchPrints() {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.PYTHON, """
                import torch
                import math


                class LegendrePolynomial3(torch.autograd.Function):
                    @staticmethod
                    def forward(ctx, input):
                        ctx.save_for_backward(input)
                        return 0.5 * (5 * input ** 3 - 3 * input)

                    @staticmethod
                    def backward(ctx, grad_output):
                        input, = ctx.saved_tensors
                        return grad_output * 1.5 * (5 * input ** 2 - 1)


                dtype = torch.float
                device = torch.device("cpu")
                x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
                y = torch.sin(x)
                a = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
                b = torch.full((), -1.0, device=device, dtype=dtype, requires_grad=True)
                c = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
                d = torch.full((), 0.3, device=device, dtype=dtype, requires_grad=True)
                learning_rate = 5e-6
                for t in range(600):
                    P3 = LegendrePolynomial3.apply
                    y_pred = a + b * P3(c + d * x)
                    loss = (y_pred - y).pow(2).sum()
                    if t % 500 == 99:
                        print(t, round(loss.item(), 2))
                    loss.backward()
                    with torch.no_grad():
                        a -= learning_rate * a.grad
                        b -= learning_rate * b.grad
                        c -= learning_rate * c.grad
                        d -= learning_rate * d.grad
                        a.grad = None
                        b.grad = None
                        c.grad = None
                        d.grad = None
                print(f'Result: y = {abs(a.item()):.4f} + {b.item():.4f} * P3({abs(c.item()):.4f} + {d.item():.4f} x)')
                print(type(P3(c + d * x).grad_fn).__name__ if False else str(P3(c + d * x))[-40:])
                xx = torch.tensor([-0.5, 0.25, 2.0], dtype=torch.float64, requires_grad=True)
                # numerical gradient check in float64: central differences against the custom backward
                LegendrePolynomial3.apply(xx).sum().backward()
                eps = 1e-6
                numeric = [(LegendrePolynomial3.apply(xx.detach() + eps * e).sum() - LegendrePolynomial3.apply(xx.detach() - eps * e).sum()).item()
                           / (2 * eps) for e in torch.eye(3, dtype=torch.float64)]
                print(torch.allclose(xx.grad, torch.tensor(numeric, dtype=torch.float64), atol=1e-6), xx.grad)
                xx.grad = None


                class Clamp(torch.autograd.Function):
                    @staticmethod
                    def forward(ctx, x, low):
                        ctx.low = low
                        ctx.save_for_backward(x)
                        return x.clamp(min=low)

                    @staticmethod
                    @torch.autograd.function.once_differentiable
                    def backward(ctx, g):
                        x, = ctx.saved_tensors
                        print("needs", ctx.needs_input_grad)
                        return g * (x > ctx.low), None


                v = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
                Clamp.apply(v, 0.0).sum().backward()
                print(v.grad)
                g, = torch.autograd.grad((xx ** 3).sum(), xx, create_graph=True)
                print(g, torch.autograd.grad(g.sum(), xx), xx.grad)
                print(torch.autograd.functional.jacobian(lambda v: v ** 2, xx))
                print(torch.autograd.functional.hessian(lambda v: (v ** 3).sum(), xx))
                """);
        assertEquals("""
                99 209.96
                599 37.4
                Result: y = 0.0000 + -1.8505 * P3(0.0000 + 0.2527 x)
                  grad_fn=<LegendrePolynomial3Backward>)
                True tensor([ 0.3750, -1.0312, 28.5000], dtype=torch.float64)
                needs (True, False)
                tensor([0., 1., 1.])
                tensor([ 0.7500,  0.1875, 12.0000], dtype=torch.float64,
                       grad_fn=<MulBackward0>) (tensor([-3.0000,  1.5000, 12.0000], dtype=torch.float64),) None
                tensor([[-1.0000,  0.0000,  0.0000],
                        [-0.0000,  0.5000,  0.0000],
                        [-0.0000,  0.0000,  4.0000]], dtype=torch.float64)
                tensor([[-3.0000,  0.0000,  0.0000],
                        [-0.0000,  1.5000,  0.0000],
                        [-0.0000,  0.0000, 12.0000]], dtype=torch.float64)
                """, PolyglotFixture.takeOutput());
    }

    @Test
    void javaScriptFunctionsExtendTorchAutogradFunction() {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.JS, """
                (() => {
                  const torch = require('torch');
                  class LegendrePolynomial3 extends torch.autograd.Function {
                    static forward(ctx, input) {
                      ctx.save_for_backward(input);
                      return input.pow(3).mul(5).sub(input.mul(3)).mul(0.5);
                    }

                    static backward(ctx, gradOutput) {
                      const [input] = ctx.saved_tensors;
                      return gradOutput.mul(1.5).mul(input.pow(2).mul(5).sub(1));
                    }
                  }
                  const x = torch.tensor([-0.5, 0.25, 2.0], { dtype: torch.float64, requires_grad: true });
                  const y = LegendrePolynomial3.apply(x);
                  y.sum().backward();
                  console.log(String(y.grad_fn), x.grad.tolist().join(' '));
                  const [g] = torch.autograd.grad(x.pow(3).sum(), x);
                  console.log(g.tolist().join(' '));
                })();
                """);
        assertEquals("<LegendrePolynomial3Backward object> 0.375 -1.03125 28.5\n0.75 0.1875 12\n",
                PolyglotFixture.takeOutput());
    }

    /** The mode switches read back what the blocks set; the expected text is real PyTorch 1.13's. */
    @Test
    void inferenceAndAnomalyModesNestAndRestoreAsInPyTorch() {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.PYTHON, """
                import torch
                from torch.autograd import detect_anomaly, inference_mode, set_detect_anomaly
                print(torch.is_inference_mode_enabled())
                with inference_mode():
                    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
                    with inference_mode(False):
                        print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
                print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
                with detect_anomaly(check_nan=False):
                    print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
                print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
                with set_detect_anomaly(True):
                    print(torch.is_anomaly_enabled())
                print(torch.is_anomaly_enabled())
                """);
        assertEquals("False\nTrue False\nFalse True\nFalse True\nTrue False\nFalse True\nTrue\nFalse\n",
                PolyglotFixture.takeOutput());
    }

    /** torch.autograd's JavaScript names: backward over several roots sharing a graph, grad mode and anomaly blocks. */
    @Test
    void javaScriptAutogradNamespaceRunsBackwardAndModeBlocks() {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.JS, """
                (() => {
                  const torch = require('torch');
                  const x = torch.autograd.Variable(torch.tensor([1.0, 2.0]), { requires_grad: true });
                  const a = x.mul(x);
                  torch.autograd.backward([a.sum(), a.mul(3).sum()]);
                  console.log(x.grad.tolist().join(' '));
                  const y = torch.autograd.no_grad(() => x.mul(2));
                  console.log(y.requires_grad, torch.autograd.detect_anomaly(() => torch.is_anomaly_enabled()),
                      torch.is_anomaly_enabled());
                })();
                """);
        assertEquals("8 16\nfalse true false\n", PolyglotFixture.takeOutput());
    }
}
