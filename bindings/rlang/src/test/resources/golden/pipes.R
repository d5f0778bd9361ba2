# magrittr %>% and the native |> pipe, lambdas
library(magrittr)
add <- function(x, y = 1) x + y
1:3 %>% sum
1:3 %>% sum()
5 %>% add(10)
5 %>% add
c(4, 9) %>% sqrt %>% sum
2 %>% add(y = 3) %>% add()
4 |> add(2)
(\(x) x * 10)(3)
sq <- \(v) v^2
1:4 |> sq()
net <- new.env()
net$layer <- function(input) input * 100
forward <- function(input) {
  input %>%
    net$layer() %>%
    add(1)
}
forward(2)
10 %>% seq_len() %>% rev() %>% head(3)
"b" %>% paste("a", .)
