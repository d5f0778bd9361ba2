# Replacement forms: x[i] <-, x[[i]] <-, x$a <-, names<-, attr<-, dim<-, f(x) <- via `f<-`
x <- c(1, 2, 3)
x[2] <- 20
x
x[5] <- 5
x
x[-1] <- 0
x
v <- 1:5
v[v > 3] <- 0L
v
names(v) <- c("a", "b", "c", "d", "e")
v["b"] <- 99L
v
names(v)[2] <- "B"
names(v)
l <- list(a = 1)
l$b <- "two"
l[["c"]] <- c(3, 4)
l$c[2] <- 40
str(l)
l$a <- NULL
names(l)
m <- matrix(0, 2, 3)
m[1, ] <- 1
m[, 3] <- c(7, 8)
m
attr(x, "units") <- "cm"
attributes(x)
y <- 1:6
dim(y) <- c(2, 3)
y
`second<-` <- function(x, value) { x[2] <- value; x }
w <- c(10, 20, 30)
second(w) <- 99
w
cfg <- list(model = list(layers = list(units = 10)))
cfg$model$layers$units <- 32
cfg$model$layers$units
e <- new.env()
e$w <- 1
e$w <- e$w + 1
e$w
s <- "text"
s[3] <- "more"
s
