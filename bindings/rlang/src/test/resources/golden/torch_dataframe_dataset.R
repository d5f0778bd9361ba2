# A dataset over a data.frame (iris): features from as.matrix(), the factor's codes as 1-based class labels,
# a shuffled dataloader and a softmax classifier trained with cross-entropy.
library(torch)
iris_dataset <- dataset(
  name = "iris_dataset",
  initialize = function(df) {
    self$x <- torch_tensor(scale(as.matrix(df[, 1:4])))
    self$y <- torch_tensor(as.integer(df$Species), dtype = torch_long())
  },
  .getitem = function(i) list(x = self$x[i, ], y = self$y[i]),
  .length = function() self$y$size(1)
)
ds <- iris_dataset(iris)
length(ds)
str(lapply(ds[51], as.numeric))
torch_manual_seed(42)
dl <- dataloader(ds, batch_size = 30, shuffle = TRUE)
length(dl)
model <- nn_linear(4, 3)
opt <- optim_adam(model$parameters, lr = 0.05)
for (epoch in 1:20) {
  coro::loop(for (b in dl) {
    opt$zero_grad()
    loss <- nnf_cross_entropy(model(b$x), b$y)
    loss$backward()
    opt$step()
  })
}
predicted <- as.integer(torch_argmax(model(ds$x), dim = 2))
table(levels(iris$Species)[predicted] == as.character(iris$Species))
