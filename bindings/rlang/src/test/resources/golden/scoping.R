# Lexical scope, closures, <<-, environments as objects
make_counter <- function() {
  count <- 0
  function() {
    count <<- count + 1
    count
  }
}
c1 <- make_counter()
c2 <- make_counter()
c1(); c1()
c2()
x <- "global"
show_x <- function() x
wrapper <- function() { x <- "local"; show_x() }
wrapper()
nested <- function() { x <- "outer"; inner <- function() x; inner() }
nested()
total <- 0
add_to_total <- function(v) total <<- total + v
add_to_total(5); add_to_total(7)
total
acc <- new.env()
assign("n", 1, envir = acc)
get("n", envir = acc)
exists("n", envir = acc)
exists("nope")
Counter <- function(start) {
  self <- new.env()
  self$value <- start
  self$add <- function(by = 1) {
    self$value <- self$value + by
    invisible(self)
  }
  self$show <- function() cat("value:", self$value, "\n")
  self
}
cnt <- Counter(10)
cnt$add()
cnt$add(5)
cnt$show()
cnt$value
layer <- function(w) {
  fn <- function(input) input * w
  fn
}
double_it <- layer(2)
double_it(21)
f <- function() { v <- 1; g <- function() v <<- v + 1; g(); g(); v }
f()
local({ y <- 3; y * 2 })
rec <- function(n) if (n <= 1) 1 else n * Recall(n - 1)
rec(5)
fe <- function() { x <- 1; environment() }
e <- fe()
get("x", envir = e)
bind_self <- function() x_in_env
environment(bind_self) <- list2env(list(x_in_env = "bound"))
bind_self()
