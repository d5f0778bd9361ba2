# Argument matching: exact, partial, positional, ..., missing(), defaults, laziness
f <- function(alpha, beta = 2, gamma = alpha * 10) c(alpha, beta, gamma)
f(1)
f(1, 3)
f(gamma = 0, 1)
f(be = 5, al = 7)
g <- function(x, ...) list(...)
str(g(1, 2, k = 3))
h <- function(...) ..2
h("a", "b", "c")
count <- function(...) nargs()
count(1, 2, 3)
m <- function(a, b) c(missing(a), missing(b))
m(1)
m(b = 2)
fwd <- function(...) paste(...)
fwd("x", "y", sep = "-")
lazy <- function(a, b) { cat("body runs first\n"); a }
lazy({ cat("a forced\n"); 1 }, stop("b is never forced"))
once <- function(v) { v; v; v }
once({ cat("evaluated once\n"); 42 })
dflt <- function(n, m = n + 1) { n <- 100; m }
dflt(1)
after <- function(..., sep) paste(..., sep = sep)
after("a", "b", sep = "+")
choose_kind <- function(kind = c("relu", "sigmoid", "tanh")) match.arg(kind)
choose_kind()
choose_kind("sig")
