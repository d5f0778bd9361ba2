f <- function(v) {
  warning("value is suspicious")
  v * 2
}
f(3)
as.integer("x")
x <- 1:3 + 1:2
x
cat("done\n")
