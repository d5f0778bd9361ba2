# torch for R's layout, memory-format and reduction constants, dtype predicates and limits, and the seed and anomaly
# scopes (R torch's R/layout.R, R/memory_format.R, R/reduction.R, R/type-info.R, R/generator.R, R/autograd.R).
# Tensors here are always strided and contiguous, so these describe what every tensor is.

.torch_layout <- function(name) structure(list(name = name), class = "torch_layout")
torch_strided <- function() .torch_layout("strided")
is_torch_layout <- function(x) inherits(x, "torch_layout")
print.torch_layout <- function(x, ...) {
  cat("torch_", x$name, sep = "")
  invisible(x)
}

.torch_memory_format <- function(name) structure(list(name = name), class = "torch_memory_format")
torch_contiguous_format <- function() .torch_memory_format("contiguous")
torch_preserve_format <- function() .torch_memory_format("preserve")
torch_channels_last_format <- function() .torch_memory_format("channels_last")
is_torch_memory_format <- function(x) inherits(x, "torch_memory_format")
print.torch_memory_format <- function(x, ...) {
  cat("torch_", x$name, "_format", sep = "")
  invisible(x)
}
`==.torch_memory_format` <- function(e1, e2) e1$name == e2$name

# libtorch's at::Reduction codes, as R torch returns them.
torch_reduction_none <- function() 0
torch_reduction_mean <- function() 1
torch_reduction_sum <- function() 2

is_torch_dtype <- function(x) inherits(x, "torch_dtype")

torch_is_floating_point <- function(self) self$dtype$is_floating_point

# NOTE: R torch gives the integer limits as bit64 integer64; R here has no integer64, so they are doubles.
torch_iinfo <- function(dtype) {
  if (dtype == torch_int64()) {
    list(bits = 64, max = 9223372036854775807, min = -9223372036854775808)
  } else {
    stop("dtype must be an integer type.", call. = FALSE)
  }
}

torch_finfo <- function(dtype) {
  if (dtype == torch_float32()) {
    list(bits = 32, max = 3.4028234663852886e+38, min = -3.4028234663852886e+38, eps = 1.1920928955078125e-07,
         tiny = 1.1754943508222875e-38)
  } else if (dtype == torch_float64()) {
    list(bits = 64, max = 1.7976931348623157e+308, min = -1.7976931348623157e+308, eps = 2.220446049250313e-16,
         tiny = 2.2250738585072014e-308)
  } else {
    stop("dtype must be a float type.", call. = FALSE)
  }
}

with_torch_manual_seed <- function(code, ..., seed) {
  if (length(list(...)) > 0) stop("`...` must be empty.", call. = FALSE)
  local_torch_manual_seed(seed)
  force(code)
}

with_detect_anomaly <- function(code) {
  previous <- torch_is_anomaly_enabled()
  torch_set_anomaly_enabled(TRUE)
  on.exit(torch_set_anomaly_enabled(previous))
  force(code)
}
