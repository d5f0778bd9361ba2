# Call sites that cache their callee (a closure's body and the argument matching), and loops long enough to be
# compiled on their own (OSR): the cached paths must keep R's semantics.
sq <- function(x) x * x
cube <- function(x) x * x * x
fs <- list(sq, cube, sq, function(x, y = 10) x + y)
out <- numeric(0)
for (f in fs) out <- c(out, f(3))
print(out)

# one call site sees one body 150 times, then another
apply_to <- function(f, v) f(v)
total <- 0
for (i in 1:200) total <- total + apply_to(if (i <= 150) sq else cube, 2)
print(total)

# missing() and defaults through a call site called many times
g <- function(a, b) if (missing(b)) a else a + b
r <- 0
for (i in 1:100) r <- r + g(i) + g(i, b = 1)
print(r)
d <- function(x, scale = x * 2) x + scale
print(sapply(1:3, function(i) d(i)))

# ... whose names change between calls of one site
h <- function(...) {
  args <- list(...)
  paste(names(args), unlist(args), collapse = ",")
}
k <- function(...) h(...)
for (i in 1:3) print(if (i == 2) k(a = 1, b = 2) else k(x = i))

# after ..., a formal matches only its exact name; before, a partial name
m <- function(value, ..., verbose = FALSE) c(value, length(list(...)), verbose)
for (i in 1:2) print(m(1, 2, 3, verb = TRUE))
p <- function(weight, bias = 0) weight + bias
for (i in 1:2) print(p(b = 1, w = 2))

# promises stay lazy: an argument never used is never evaluated
lazy <- function(a, b) a
for (i in 1:2) print(lazy(i, stop("never")))

# sys.call, match.arg, nargs and on.exit in functions called from one site
pick <- function(type = c("linear", "relu")) {
  type <- match.arg(type)
  type
}
for (t in c("relu", "linear")) print(pick(t))
who <- function(x) sys.call()
for (i in 1:2) cat(format(who(i + 1)), "\n")
n <- function(a, b, c) nargs()
for (i in 1:2) print(n(1, c = 2))
cleanup <- function() {
  on.exit(cat("exit\n"))
  42
}
for (i in 1:2) print(cleanup())

# break and next in for, while and repeat
s <- 0
for (i in 1:20000) {
  if (i %% 2 == 0) next
  if (i > 15000) break
  s <- s + i
}
print(s)
i <- 0
w <- 0
while (TRUE) {
  i <- i + 1
  if (i %% 3 == 0) next
  if (i > 20000) break
  w <- w + 1
}
print(w)
j <- 0
repeat {
  j <- j + 1
  if (j >= 30000) break
}
print(j)
nested <- 0
for (a in 1:100) for (b in 1:100) {
  if (b > a) break
  nested <- nested + 1
}
print(nested)

# return() from inside a loop inside a function
first_over <- function(v, limit) {
  for (x in v) if (x > limit) return(x)
  NA
}
print(first_over(1:50000, 43210))

# runaway recursion is an R error that tryCatch handles
down <- function(n) down(n + 1)
print(tryCatch(down(1), error = function(e) "an R error"))

# a call site whose cached callee matched its arguments reports the error of another callee
one <- function(x) x
two <- function(x, y) x + y
call_it <- function(f) f(1, y = 2)
print(call_it(two))
call_it(one)
