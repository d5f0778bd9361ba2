# Tensor indexing as torch for R reads it: 1-based, N for the last position (whatever the script's own N is),
# ranges in the brackets as slices (a:b:step, negatives from the end), slc(), .., drop = FALSE, masks and assignment.
library(torch)
x <- torch_tensor(1:10)
N <- 3
cat(as.integer(x[N]), "|", as.integer(x[2:N]), "|", as.integer(x[-2:10]), "|", as.integer(x[-1]), "\n")
cat(as.integer(x[1:N:3]), "|", as.integer(x[slc(start = 1, end = 5, step = 2)]), "|", as.integer(x[slc(8, Inf)]), "\n")
slc(1, 3, 5)
m <- torch_tensor(matrix(1:12, 3))
m[N, ]
m[2:N, -2:N]
m[.., N]
m[-1, , drop = FALSE]
m[m > 9]
m[c(1, 3), c(TRUE, FALSE, TRUE, FALSE)]
# Several vectors (positions, logicals or long tensors) select along their own dims, as base R does
a <- torch_tensor(array(1:36, c(3, 4, 3)))
b <- torch_tensor(c(1, 3), dtype = torch_long())
all.equal(as.array(a[.., b, b]), as.array(a)[, c(1, 3), c(1, 3)])
all.equal(as.array(a[c(TRUE, FALSE, TRUE), 2:3, c(1, 3)]), as.array(a)[c(TRUE, FALSE, TRUE), 2:3, c(1, 3)])
m[2:N, 1] <- 0L
m[1, ] <- 100L
m
m[0, 1]
