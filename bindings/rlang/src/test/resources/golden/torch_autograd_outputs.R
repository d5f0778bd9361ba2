# autograd_function() whose forward returns several outputs (a list): backward takes their gradients as one list or
# one argument each; R torch's re-exported %>% called as a function; functions returning nothing are invisible.
library(torch)
f <- autograd_function(
  forward = function(ctx, x) {
    ctx$save_for_backward(x = x)
    list(x^2, x^3)
  },
  backward = function(ctx, grad_output) {
    x <- ctx$saved_variables$x
    list(x = grad_output[[1]] * 2 * x + grad_output[[2]] * 3 * x^2)
  })
x <- torch_tensor(c(1, 2), requires_grad = TRUE)
r <- f(x)
length(r)
(r[[1]] + r[[2]])$sum()$backward()
x$grad
invisible(x$grad$zero_())
g <- autograd_function(
  forward = function(ctx, x) list(a = x * 2, b = x + 1),
  backward = function(ctx, ga, gb) list(x = ga * 2 + gb))
r2 <- g(x)
names(r2)
r2$a$sum()$backward()
x$grad
`%>%`(c(1, 4, 9), sqrt)
`%>%`(c(3, 1, 2), sort(decreasing = TRUE))
`%>%`(2, seq(1, 10, by = .))
w <- torch_tensor(c(1, 2), requires_grad = TRUE)
(w * 3)$sum()$backward()
nn_utils_clip_grad_value_(w, 1)
w$grad
