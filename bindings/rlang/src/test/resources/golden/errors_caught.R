# Errors and warnings as conditions
r <- tryCatch(stop("boom"), error = function(e) conditionMessage(e))
r
tryCatch(log(-1), warning = function(w) cat("warning caught:", conditionMessage(w), "\n"))
res <- tryCatch({
  warning("first")
  "not returned"
}, warning = function(w) "handled", finally = cat("finally runs\n"))
res
f <- function() stop("inner failure")
e <- tryCatch(f(), error = function(e) e)
print(e)
class(e)
t <- try(stop("oops"), silent = TRUE)
class(t)
suppressWarnings(as.numeric("x"))
stopifnot(TRUE, 1 == 1)
tryCatch(stopifnot("x must be positive" = -1 > 0), error = function(e) conditionMessage(e))
tryCatch(stopifnot(all.equal(1, 1), 2 < 1), error = function(e) conditionMessage(e))
if_err <- tryCatch(if (NA) 1, error = function(e) conditionMessage(e))
if_err
