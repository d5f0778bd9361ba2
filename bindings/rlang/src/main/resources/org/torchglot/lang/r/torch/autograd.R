# torch for R's custom autograd functions (R torch's R/autograd.R) and grad-mode helpers. The graph node calling
# `backward` is Java's (.autograd_function_attach).

AutogradContext <- .r6_class("torch_autograd_context", public = list(
  initialize = function(argument_names, argument_needs_grad) {
    private$needs <- as.list(argument_needs_grad)
    names(private$needs) <- argument_names
  },
  save_for_backward = function(...) {
    private$saved <- list(...)
    invisible(NULL)
  },
  mark_dirty = function(...) invisible(NULL),
  mark_non_differentiable = function(...) invisible(NULL),
  set_materialize_grads = function(value) invisible(NULL)
), private = list(saved = list(), needs = list()), active = list(
  needs_input_grad = function() private$needs,
  saved_variables = function() private$saved
))

# A function taking forward's arguments (without ctx): forward runs without grad, its result gets a node whose
# backward calls backward(ctx, grad_output), which returns the gradients by argument name. A forward returning a list
# of tensors gives a list: backward then takes the outputs' gradients as one list (backward(ctx, grad_output)) or one
# argument each (backward(ctx, g1, g2)), zeros for an output that took no part in the loss.
autograd_function <- function(forward, backward) {
  force(forward)
  force(backward)
  function(...) {
    args <- .match_formals(forward, list(...))
    needs_grad <- vapply(args, function(a) is_torch_tensor(a) && a$requires_grad, logical(1))
    ctx <- AutogradContext$new(names(args), needs_grad)
    output <- with_no_grad(do.call(forward, c(list(ctx), args)))
    variables <- names(args)[needs_grad]
    input_grads <- function(grads) {
      if (!is.list(grads)) grads <- list(grads)
      if (is.null(names(grads))) {
        grads[needs_grad[seq_along(grads)]]
      } else {
        lapply(variables, function(v) grads[[v]])
      }
    }
    if (!is.list(output)) {
      return(.autograd_function_attach(output, unname(args[needs_grad]), function(grad_output) {
        input_grads(backward(ctx, grad_output))
      }))
    }
    # NOTE: one graph node per output; each calls backward with its own gradient and zeros for the others, so an
    # output pair used together runs backward twice, and the input gradients add up as the one call's would.
    out <- lapply(seq_along(output), function(k) {
      .autograd_function_attach(output[[k]], unname(args[needs_grad]), function(grad_output) {
        grads <- lapply(seq_along(output), function(j) if (j == k) grad_output else torch_zeros_like(output[[j]]))
        result <- if (.formals_count(backward) == 2) backward(ctx, grads) else do.call(backward, c(list(ctx), grads))
        input_grads(result)
      })
    })
    names(out) <- names(output)
    out
  }
}
