# Regression of a noisy line with a small nn_module (initialize/forward with self$), nnf_mse_loss and
# optim_adam. Seeded; tools/fixtures/r_tutorials_reference.py prints PyTorch's numbers for the same model.
library(torch)

torch_manual_seed(42)
x <- torch_linspace(-1, 1, 50)$unsqueeze(2)
y <- 3 * x + 0.5 + 0.1 * torch_randn(50, 1)

regressor <- nn_module(
  "regressor",
  initialize = function(hidden) {
    self$hidden <- nn_linear(1, hidden)
    self$out <- nn_linear(hidden, 1)
  },
  forward = function(x) {
    x %>% self$hidden() %>% nnf_relu() %>% self$out()
  }
)

model <- regressor(hidden = 8)
model
optimizer <- optim_adam(model$parameters, lr = 0.05)

for (epoch in 1:200) {
  optimizer$zero_grad()
  loss <- nnf_mse_loss(model(x), y)
  loss$backward()
  optimizer$step()
  if (epoch %% 20 == 0) {
    cat(sprintf("epoch %3d  loss %.6f\n", epoch, loss$item()))
  }
}

with_no_grad({
  model(torch_tensor(c(-0.5, 0, 0.5))$view(c(3, 1)))
})
