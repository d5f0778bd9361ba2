# Run once by the warm server before it takes scripts (see warmup.py); output is discarded.
library(torch)
torch_manual_seed(0)
x <- torch_randn(8, 4)
y <- torch_randn(8, 1)
net <- nn_module(
  initialize = function() {
    self$fc1 <- nn_linear(4, 16)
    self$fc2 <- nn_linear(16, 1)
  },
  forward = function(x) {
    x %>% self$fc1() %>% nnf_relu() %>% self$fc2()
  }
)
model <- net()
optimizer <- optim_adam(model$parameters, lr = 0.01)
for (step in 1:200) {
  optimizer$zero_grad()
  loss <- nnf_mse_loss(model(x), y)
  loss$backward()
  optimizer$step()
  if (step %% 50 == 0) cat(step, loss$item(), "\n")
}
print(x[1:2, ])
