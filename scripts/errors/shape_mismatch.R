library(torch)
# A shape mismatch: R reports the call and the line.
x <- torch_ones(4, 2)
cat("before\n")
y <- x$mm(torch_ones(3, 1))
