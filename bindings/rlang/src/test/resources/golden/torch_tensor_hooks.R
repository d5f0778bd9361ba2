# x$register_hook(): a hook sees the gradient and may replace it; $remove() takes it off.
library(torch)
w <- torch_tensor(c(1, 2, 3), requires_grad = TRUE)
h <- w$register_hook(function(grad) grad * 2)
(w * w)$sum()$backward()
print(w$grad)
h$remove()
w$grad <- NULL
(w * w)$sum()$backward()
print(w$grad)
y <- w * 3
seen <- NULL
y$register_hook(function(grad) { seen <<- grad; NULL })
y$sum()$backward()
print(seen)
tryCatch(torch_ones(2)$register_hook(function(g) g), error = function(e) cat("error:", conditionMessage(e), "\n"))
