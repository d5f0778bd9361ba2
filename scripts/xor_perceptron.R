# XOR with a single-layer perceptron: it cannot learn XOR, the loss stalls near 0.693
# (from "PyTorch 익히기 - Multi Layer Perceptron", 모두를 위한 딥러닝 시즌2), in torch for R.
# Same seed as scripts/xor_perceptron.py, so the numbers are PyTorch's.
library(torch)

torch_manual_seed(777)

X <- torch_tensor(matrix(c(0, 0, 0, 1, 1, 0, 1, 1), ncol = 2, byrow = TRUE))
Y <- torch_tensor(matrix(c(0, 1, 1, 0), ncol = 1))

# nn layers
linear <- nn_linear(2, 1, bias = TRUE) # FC Layer
sigmoid <- nn_sigmoid() # activation function
model <- nn_sequential(linear, sigmoid)

# define cost & optimizer
criterion <- nn_bce_loss() # binary cross entropy loss (0, 1 분류)
optimizer <- optim_sgd(model$parameters, lr = 1)

for (step in 0:10000) {
  optimizer$zero_grad()
  hypothesis <- model(X)
  # cost function
  cost <- criterion(hypothesis, Y)
  cost$backward()
  optimizer$step()
  if (step %% 1000 == 0) {
    cat(step, cost$item(), "\n")
  }
}

with_no_grad({
  hypothesis <- model(X)
  predicted <- (hypothesis > 0.5)$float()
  accuracy <- (predicted == Y)$float()$mean()
  cat("Hypothesis:\n")
  print(hypothesis)
  cat("Correct:\n")
  print(predicted)
  cat("Accuracy:", accuracy$item(), "\n")
})
model
