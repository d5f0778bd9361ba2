# Single- and multi-layer perceptrons with nn_linear, nn_relu and nn_sequential, trained with optim_adam on
# nnf_mse_loss until the loss is below 1e-5 (from a Korean tutorial on wikidocs.net/60680), in torch for R.
# Same seed as scripts/perceptron.py, so the numbers are PyTorch's.
library(torch)

torch_manual_seed(0)

input_size <- 10
output_size <- 5
input_data <- torch_ones(input_size) # input_size 크기의 1로 채워진 텐서 생성
linear_layer <- nn_linear(input_size, output_size)
relu <- nn_relu()
output <- linear_layer(input_data)
output_relu <- relu(output)
print(output_relu)

output_manual <- with_no_grad(input_data %*% linear_layer$weight$t() + linear_layer$bias)
cat("Manual linear output:\n")
print(output_manual)

input_size <- 4
hidden_size <- 5
output_size <- 3
input_data <- torch_ones(input_size)
linear_layer <- nn_linear(input_size, hidden_size)
hidden_layer <- nn_linear(hidden_size, output_size)
model <- nn_sequential(linear_layer, nn_relu(), hidden_layer)
output <- model(input_data)
print(output)

loss_fn <- nn_mse_loss()
ground_truth <- torch_tensor(c(0, 0.5, 1))
optimizer <- optim_adam(model$parameters, lr = 0.1)
i <- 0
repeat { # backpropagate until the loss is small enough
  optimizer$zero_grad() # 1. Clear gradient
  output <- model(input_data) # 2. Forward propagation
  loss <- loss_fn(output, ground_truth) # 3. Compute loss
  loss$backward() # 4. Backward propagation
  optimizer$step() # 5. Update parameters
  cat(i, "Loss:", loss$item(), "\n")
  if (loss$item() < 1e-5) break
  i <- i + 1
}
cat("Output:\n")
print(model(input_data))
