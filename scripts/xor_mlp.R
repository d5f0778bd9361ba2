# XOR with a 2-2-1 multi-layer perceptron: nn_sequential, nn_bce_loss and optim_sgd learn what the single
# layer could not (from "PyTorch 익히기 - Multi Layer Perceptron", 모두를 위한 딥러닝 시즌2), in torch for R.
# Seeded with 777 as the course's code is; tools/fixtures/r_tutorials_reference.py prints PyTorch's numbers.
library(torch)

torch_manual_seed(777)

X <- torch_tensor(rbind(c(0, 0), c(0, 1), c(1, 0), c(1, 1)))
Y <- torch_tensor(rbind(0, 1, 1, 0))

linear1 <- nn_linear(2, 2, bias = TRUE)
linear2 <- nn_linear(2, 1, bias = TRUE)
sigmoid <- nn_sigmoid()
model <- nn_sequential(linear1, sigmoid, linear2, sigmoid)

criterion <- nn_bce_loss()
optimizer <- optim_sgd(model$parameters, lr = 1)

for (step in 0:10000) {
  optimizer$zero_grad()
  hypothesis <- model(X)
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
  print(hypothesis)
  print(predicted)
  cat("Accuracy:", accuracy$item(), "\n")
})
model[[1]]$weight
