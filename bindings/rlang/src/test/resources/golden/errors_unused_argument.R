k <- function(x) x
k(1, extra = 2)
