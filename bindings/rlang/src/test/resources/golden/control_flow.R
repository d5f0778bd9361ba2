# if/else, for, while, repeat, break, next, switch, implicit and explicit return
sign_of <- function(v) {
  if (v > 0) {
    "positive"
  } else if (v < 0) {
    "negative"
  } else {
    "zero"
  }
}
sign_of(3); sign_of(-2); sign_of(0)
for (i in 1:5) {
  if (i == 2) next
  if (i == 4) break
  cat("i =", i, "\n")
}
for (item in list(1, "a", TRUE)) print(item)
n <- 0
while (n < 3) n <- n + 1
n
k <- 0
repeat {
  k <- k + 2
  if (k >= 6) break
}
k
early <- function(v) {
  if (v) return("early")
  "late"
}
early(TRUE); early(FALSE)
sw <- function(x) switch(x, a = "apple", b = , c = "b or c", "other")
sw("a"); sw("b"); sw("zzz")
switch(2, "one", "two", "three")
r <- for (i in 1:3) i
is.null(r)
if (FALSE) 1
y <- if (TRUE) "yes" else "no"
y
z <- 0
for (step in 1:500) if (step %% 100 == 0) z <- z + 1
z
on_exit_demo <- function() { on.exit(cat("cleanup\n")); cat("working\n"); invisible(1) }
on_exit_demo()
