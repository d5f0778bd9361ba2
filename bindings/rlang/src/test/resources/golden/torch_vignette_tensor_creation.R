# The R code of torch for R's vignette "Creating tensors" (vignettes/tensor-creation.Rmd of mlverse/torch,
# MIT license), chunk by chunk, unchanged. Added: the two seeds after library(torch), so that the random values are
# reproducible. Left out: the chunk converting with x$to(dtype = torch_int32()) (the engine has no 32-bit
# integer dtype yet) and x$cuda() (eval = FALSE in the vignette: it needs CUDA).
library(torch)
set.seed(1)
torch_manual_seed(1)

torch_tensor(c(1,2,3))

# conform to row-major indexing used in torch
torch_tensor(matrix(1:10, ncol = 5, nrow = 2, byrow = TRUE))
torch_tensor(array(runif(12), dim = c(2, 2, 3)))

torch_tensor(1, dtype = torch_long())
torch_tensor(1, device = "cpu", dtype = torch_float64())

x <- torch_randn(5, 3)
x

x <- torch_ones(2, 4, dtype = torch_int64(), device = "cpu")
x
