# Tensor methods whose tensor is not the op's first argument, as tensor_methods.py: x$where(condition, y) is
# torch_where(condition, x, y), x$polygamma(n) is torch_polygamma(n, x).
library(torch)

x <- torch_tensor(rbind(c(1, -2, 3), c(-4, 5, -6)))
positive <- x > 0
print(x$where(positive, torch_zeros(2, 3)))
print(x$where(positive, torch_tensor(-1)))
print(torch_where(positive, x, torch_zeros(2, 3)))
print(x$where(condition = x < 0, other = x * 10))

t <- torch_tensor(c(0.5, 1, 2.5), requires_grad = TRUE)
print(t$polygamma(1))
print(t$polygamma(n = 2))
print(torch_polygamma(1, t))
t$polygamma(1)$sum()$backward()
print(t$grad)
