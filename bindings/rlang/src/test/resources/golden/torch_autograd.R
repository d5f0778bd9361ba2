# Custom autograd functions, autograd_grad and the graph as torch for R shows them. The custom function's
# gradient is checked against central finite differences in float64.
library(torch)
softplus <- autograd_function(
  forward = function(ctx, x, beta = 1) {
    ctx$save_for_backward(x = x)
    ctx$beta <- beta
    torch_log1p(torch_exp(beta * x)) / beta
  },
  backward = function(ctx, grad_output) {
    x <- ctx$saved_variables$x
    list(x = grad_output * torch_sigmoid(ctx$beta * x))
  }
)
x <- torch_tensor(c(-2, -0.5, 0, 0.7, 3), dtype = torch_float64(), requires_grad = TRUE)
y <- softplus(x, beta = 2)
y$grad_fn
(y * y)$sum()$backward()
analytic <- as.numeric(x$grad)
h <- 1e-6
f <- function(v) sum((log1p(exp(2 * v)) / 2)^2)
numeric <- sapply(seq_along(analytic), function(i) {
  e <- rep(0, length(analytic)); e[i] <- h
  v <- as.numeric(x$detach())
  (f(v + e) - f(v - e)) / (2 * h)
})
round(analytic, 6)
cat("matches finite differences:", max(abs(analytic - numeric)) < 1e-6, "\n")

# needs_input_grad names forward's arguments; only tensors requiring grad get gradients
scale <- autograd_function(
  forward = function(ctx, a, b) {
    ctx$save_for_backward(a, b)
    a * b
  },
  backward = function(ctx, grad_output) {
    str(ctx$needs_input_grad)
    s <- ctx$saved_variables
    list(a = grad_output * s[[2]], b = grad_output * s[[1]])
  }
)
a <- torch_tensor(c(1, 2), requires_grad = TRUE)
scale(a, torch_tensor(c(10, 20)))$sum()$backward()
a$grad
with_no_grad(scale(a, 3))$requires_grad

# autograd_grad: gradients without touching $grad, and second derivatives with create_graph
w <- torch_tensor(c(1, 2, 3), requires_grad = TRUE)
out <- (w^3)$sum()
g <- autograd_grad(out, w, create_graph = TRUE)[[1]]
as.numeric(g)
as.numeric(autograd_grad(g$sum(), w)[[1]])
is.null(w$grad)
autograd_grad((w * 2)$sum(), list(w, torch_tensor(1, requires_grad = TRUE)), allow_unused = TRUE)[[2]]

# grad_fn and its next_functions
z <- (w$exp() * 2)$sum()
z$grad_fn
z$grad_fn$next_functions
z$grad_fn$next_functions[[1]]$next_functions

# local_no_grad lasts until the function returns
doubled <- function(v) {
  local_no_grad()
  v * 2
}
doubled(w)$requires_grad
(w * 2)$requires_grad
autograd_grad((w * 2)$sum(), list(w, torch_tensor(1, requires_grad = TRUE)))
