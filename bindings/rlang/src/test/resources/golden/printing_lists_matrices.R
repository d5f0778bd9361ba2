# Lists, nested lists, matrices, arrays
list(1, "two", TRUE)
list(a = 1, b = list(c = 2, d = "e"))
list(a = 1, 2)
list()
list(x = NULL)
matrix(1:6, nrow = 2)
matrix(1:6, ncol = 2, byrow = TRUE)
matrix(c(0.5, 10, 2.25, -1), 2)
m <- matrix(1:4, 2)
dimnames(m) <- list(c("r1", "r2"), c("A", "B"))
m
matrix(c("a", "bb", "ccc", "d"), 2)
cbind(a = 1:2, b = 3:4)
rbind(1:3, 4:6)
x <- 1:3
y <- 4:6
cbind(x, y)
t(matrix(1:6, 2))
array(1:12, dim = c(2, 3, 2))
matrix(1:40, 2)
m2 <- matrix(1:6, 2)
m2[2, 3]
m2[, 2]
m2[1, , drop = FALSE]
nrow(m2); ncol(m2); dim(m2)
m2 %*% t(m2)
