# .DollarNames, what R's completion offers after x$: a tensor's fields and methods, a module's members.
library(torch)
x <- torch_ones(2, requires_grad = TRUE)
.DollarNames(x, "^requires")
.DollarNames(x, "^grad")
m <- nn_linear(2, 3)
.DollarNames(m, "^[wb]")
# every member a module offers is one it has
all(vapply(.DollarNames(m, ""), function(n) !is.null(`$`(m, n)), logical(1)))
net <- nn_module(
  initialize = function() {
    self$fc1 <- nn_linear(2, 3)
    self$steps <- 0
  },
  forward = function(x) self$fc1(x)
)
model <- net()
head(.DollarNames(model, ""), 4)
all(vapply(.DollarNames(model, ""), function(n) !is.null(`$`(model, n)), logical(1)))
