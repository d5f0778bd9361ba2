# Vector printing: [n] labels, wrapping at 80 columns, common number formatting
print(pi)
1/3 * c(1, 10, 100)
1:30
seq(10, 300, by = 10)
c(1.5, 2, 3.25)
c(0.1, 0.123456789)
c(1e-10, 1)
100000
123456
1e5 + 0.1
1e-4
c(-1.5, 2, NA)
c(TRUE, FALSE, NA)
c(1L, NA, 300L)
c("a", NA, "ccc")
c("short", "a much longer string")
c(a = 1, bb = 2.5, ccc = -3)
c(first = "x", second = "y")
x <- 1:26
names(x) <- letters
x
numeric(0)
character(0)
NULL
1/0
-1/0
0/0
.5
0x10
1e3L
2147483647L
exp(10)
c(123456.7, 0.001)
3.00
22/7
print(22/7, digits = 3)
