# The REPL's R side: names for :vars and completion, and assignment for :share.
# Evaluated as an internal source; its value is a list of helper functions, read by position
# (RMode's indices), made invisible so the R top level does not print it.
invisible(list(
  names = function() ls(globalenv()),
  members = function(name) {
    if (!exists(name)) return(character(0))
    value <- get(name)
    if (is.environment(value)) ls(value) else as.character(names(value))
  },
  describe = function(name) {
    value <- get(name)
    shape <- if (inherits(value, "torch_tensor")) paste0("[", paste(value$shape, collapse = ", "), "]")
             else if (inherits(value, "nn_module")) {
               count <- 0
               for (p in value$parameters) count <- count + p$numel()
               paste(count, "parameters")
             }
             else if (inherits(value, "nn_module_generator")) "module generator"
             else if (!is.null(dim(value))) paste(dim(value), collapse = " x ")
             else if (is.function(value)) ""
             else paste("length", length(value))
    c(class(value)[1], shape)
  },
  assign = function(name, value) assign(name, value, envir = globalenv()),
  # What R's own completion offers: the session's names, then attached packages' and base's.
  visible = function() {
    out <- ls(globalenv())
    env <- parent.env(globalenv())
    while (!identical(env, baseenv()) && !identical(env, emptyenv())) {
      out <- c(out, ls(env))
      env <- parent.env(env)
    }
    c(out, ls(baseenv()))
  }
))
