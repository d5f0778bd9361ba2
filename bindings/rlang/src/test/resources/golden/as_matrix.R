m <- as.matrix(c(1, 2, 3))
print(m)
dim(as.array(1:4))
as.matrix(matrix(1:4, 2))
