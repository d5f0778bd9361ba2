x <- 1
f <- function(v) v + "a"
f(x)
