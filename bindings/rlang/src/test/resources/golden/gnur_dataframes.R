# Data frames, factors and the data sets tutorials use, compared with GNU R (expected output written by tools/fixtures/r_base_fixtures.sh).
head(mtcars)
dim(mtcars)
nrow(iris); ncol(iris)
names(iris)
head(iris, 3)
mtcars[["hp"]][1:5]
mtcars[1:2, c("mpg", "wt")]
mtcars[mtcars$mpg > 30, "mpg"]
which(mtcars$cyl == 8)
levels(iris$Species)
as.numeric(iris$Species)[c(1, 51, 101)]
table(iris$Species)
iris$Species[1:3]
x <- as.matrix(iris[1:4, 1:4])
x
class(x)
s <- scale(mtcars[1:5, c("mpg", "hp")])
round(s, 4)
df <- data.frame(a = c(1, NA, 3), b = c("x", "y", NA))
df
na.omit(df)
set.seed(1); sample(10)
set.seed(42); sample(5, 3); sample(c("a", "b", "c"))
tail(mtcars, 2)
sum(iris$Species == "setosa")
