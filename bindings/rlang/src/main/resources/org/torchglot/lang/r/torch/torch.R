# The parts of torch for R written in R. Everything else is Java (TorchRPackage and the class handlers).

# x[.., 1] indexes the last dim whatever the rank; x[newaxis, ] adds a dim of size 1.
.. <- .torch_index_marker("ELLIPSIS")
newaxis <- .torch_index_marker("NEW_AXIS")

is_nn_parameter <- function(x) inherits(x, "nn_parameter")
is_nn_buffer <- function(x) inherits(x, "nn_buffer")
is_undefined_tensor <- function(x) is.null(x)
