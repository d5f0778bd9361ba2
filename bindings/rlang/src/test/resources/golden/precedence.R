# Operator precedence as in R's ?Syntax
-2^2
2^-1
-1:3
2 * 3:5
1 + 2 * 3 ^ 2
(1 + 2) * 3
10 - 4 - 3
2^3^2
5 %% 3 * 2
7 %/% 2 + 1
!TRUE & FALSE
!c(1, 5) %in% c(5, 6)
1 < 2 & 3 > 4 | TRUE
x <- y <- 4
x + y
1:3 == c(1, 5, 3)
TRUE || stop("not evaluated")
FALSE && stop("not evaluated")
1:2 * 2:3 + 1
