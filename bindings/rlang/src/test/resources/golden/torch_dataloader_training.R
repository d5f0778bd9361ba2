# A training loop over a dataloader: a regression dataset from R vectors, shuffled batches, a linear model and
# Adam. The losses are the ones PyTorch 1.13 prints for the same seed (the shuffle is torch_randperm).
library(torch)
torch_manual_seed(1)
n <- 64
x <- cbind(sin(1:n), cos(3 * (1:n)))
y <- 3 * x[, 1] - 2 * x[, 2] + 0.5

regression <- dataset(
  name = "regression",
  initialize = function(x, y) {
    self$x <- torch_tensor(x)
    self$y <- torch_tensor(y)
  },
  .getitem = function(i) list(x = self$x[i, ], y = self$y[i]),
  .length = function() self$x$size(1)
)

ds <- regression(x, y)
dl <- dataloader(ds, batch_size = 16, shuffle = TRUE)
cat("batches per epoch:", length(dl), "\n")

model <- nn_linear(2, 1)
opt <- optim_adam(model$parameters, lr = 0.1)
for (epoch in 1:40) {
  total <- 0
  coro::loop(for (b in dl) {
    opt$zero_grad()
    loss <- nnf_mse_loss(model(b$x)$squeeze(2), b$y)
    loss$backward()
    opt$step()
    total <- total + loss$item()
  })
  if (epoch %% 10 == 0 || epoch == 1) cat(sprintf("epoch %d loss %.6f\n", epoch, total / length(dl)))
}
print(round(as.numeric(model$weight), 2))
print(round(model$bias$item(), 2))
