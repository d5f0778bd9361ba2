# XOR with a 2-2-1 sigmoid network trained by hand-written backpropagation: torch_matmul, $t(),
# torch_exp, torch_log and $mean(), no autograd (from "PyTorch 익히기 - Multi Layer Perceptron",
# 모두를 위한 딥러닝 시즌2), in torch for R. Same seed and initialisation order as
# scripts/xor_manual_backprop.py, so the numbers are PyTorch's.
library(torch)

torch_manual_seed(777)

X <- torch_tensor(rbind(c(0, 0), c(0, 1), c(1, 0), c(1, 1)))
Y <- torch_tensor(rbind(0, 1, 1, 0))

w1 <- torch_empty(2, 2)
b1 <- torch_empty(2)
w2 <- torch_empty(2, 1)
b2 <- torch_empty(1)

nn_init_normal_(w1)
nn_init_normal_(b1)
nn_init_normal_(w2)
nn_init_normal_(b2)

sigmoid <- function(x) {
  # sigmoid function
  1.0 / (1.0 + torch_exp(-x))
}

sigmoid_prime <- function(x) {
  # derivative of the sigmoid function
  sigmoid(x) * (1 - sigmoid(x))
}

learning_rate <- 1
for (epoch in 0:10000) {
  # forward propagation
  l1 <- torch_add(torch_matmul(X, w1), b1)
  a1 <- sigmoid(l1)
  l2 <- torch_add(torch_matmul(a1, w2), b2)
  Y_pred <- sigmoid(l2)

  cost <- -(Y * torch_log(Y_pred) + (1 - Y) * torch_log(1 - Y_pred))$mean() # binary cross entropy

  # back propagation (chain rule)
  d_Y_pred <- (Y_pred - Y) / (Y_pred * (1.0 - Y_pred) + 1e-7)
  # Layer 2
  d_l2 <- d_Y_pred * sigmoid_prime(l2)
  d_b2 <- d_l2
  d_w2 <- torch_matmul(a1$t(), d_b2)

  # Layer 1
  d_a1 <- torch_matmul(d_b2, w2$t())
  d_l1 <- d_a1 * sigmoid_prime(l1)
  d_b1 <- d_l1
  d_w1 <- torch_matmul(X$t(), d_b1)

  # Weight update
  w1 <- w1 - learning_rate * d_w1
  b1 <- b1 - learning_rate * torch_mean(d_b1, dim = 1)
  w2 <- w2 - learning_rate * d_w2
  b2 <- b2 - learning_rate * torch_mean(d_b2, dim = 1)

  if (epoch %% 100 == 0) {
    cat(epoch, cost$item(), "\n")
  }
}
