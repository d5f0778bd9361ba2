# The REPL's R side: names for :vars and completion, and assignment for :share.
# Evaluated as an internal source; its value is a list of helper functions, read by position
# (RMode's indices), made invisible so the R top level does not print it.
invisible(list(
  names = function() ls(globalenv()),
  # The names after `path$`: path is a name or a $ chain (model$fc1), each part read with `$`;
  # .DollarNames answers as for R's own completion (list names, environment bindings, tensor methods).
  members = function(path) {
    parts <- strsplit(path, "$", fixed = TRUE)[[1]]
    if (!exists(parts[1])) return(character(0))
    tryCatch({
      value <- get(parts[1])
      for (part in parts[-1]) value <- `$`(value, part)
      names <- as.character(.DollarNames(value, ""))
      names[names != ""]
    }, error = function(e) character(0))
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
