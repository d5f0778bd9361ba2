library(notapackage)
