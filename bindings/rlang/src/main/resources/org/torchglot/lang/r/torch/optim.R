# torch for R's way to write optimizers and schedulers in R (R torch's R/optim.R and R/optim-lr_scheduler.R):
# optimizer(initialize =, step =) over the Optimizer base class, optim_required() for hyper-parameters without a
# default, and lr_scheduler(get_lr =) over LRScheduler, which drives any optimizer's param_groups (the built-in
# optim_* ones too).

optim_required <- function() structure(list(), class = "optim_required")
is_optim_required <- function(x) inherits(x, "optim_required")
is_optimizer <- function(x) inherits(x, "torch_optimizer")

.is_named <- function(x) !is.null(names(x)) && all(names(x) != "")

Optimizer <- .r6_class("torch_optimizer", public = list(
  initialize = function(params, defaults) {
    self$defaults <- defaults
    self$state <- list()
    self$param_groups <- list()
    if (is_torch_tensor(params)) {
      param_groups <- list(list(params = list(params)))
    } else if (is.list(params) && length(params) > 0 && is_torch_tensor(params[[1]])) {
      param_groups <- list(list(params = params))
    } else if (is.list(params) && length(params) > 0 && .is_named(params[[1]])) {
      param_groups <- params
    } else {
      stop("Wrong parameters specification.", call. = FALSE)
    }
    for (p in param_groups) self$add_param_group(p)
  },
  add_param_group = function(param_group) {
    if (!.is_named(param_group)) stop("`param_group` is not named", call. = FALSE)
    if (is_torch_tensor(param_group$params)) param_group$params <- list(param_group$params)
    for (param in param_group$params) {
      if (!is_torch_tensor(param)) {
        stop(sprintf("optimizer can only optimize Tensors, but one of the params is %s", class(param)[1]),
             call. = FALSE)
      }
      if (!param$is_leaf) stop("can't optimize a non-leaf Tensor", call. = FALSE)
    }
    for (nm in names(self$defaults)) {
      if (!nm %in% names(param_group)) {
        if (is_optim_required(self$defaults[[nm]])) {
          stop(sprintf("parameter group didn't specify a value of required optimization parameter %s", nm),
               call. = FALSE)
        }
        param_group[[nm]] <- self$defaults[[nm]]
      }
    }
    self$param_groups <- append(self$param_groups, list(param_group))
  },
  zero_grad = function(set_to_none = FALSE) {
    for (group in self$param_groups) {
      for (p in group$params) {
        if (!is.null(p$grad)) p$grad$zero_()
      }
    }
    invisible(NULL)
  }
), private = list(
  # Runs loop_fun(group, param, g, p) without grad for every parameter that has a gradient; returns closure()'s loss.
  step_helper = function(closure, loop_fun) {
    local_no_grad()
    loss <- NULL
    if (!is.null(closure)) loss <- with_enable_grad(closure())
    for (g in seq_along(self$param_groups)) {
      group <- self$param_groups[[g]]
      for (p in seq_along(group$params)) {
        param <- group$params[[p]]
        if (is.null(param$grad)) next
        loop_fun(group, param, g, p)
      }
    }
    loss
  }
))

optimizer <- function(name = NULL, inherit = Optimizer, ..., private = NULL, active = NULL,
                      parent_env = parent.frame()) {
  .create_class(name, inherit, list(...), private, active, parent_env, "Optimizer",
                c(name, "torch_optimizer_generator"))
}

print.torch_optimizer_generator <- function(x, ...) {
  cat("<torch_optimizer_generator>\n")
  invisible(x)
}

LRScheduler <- .r6_class("LRScheduler", public = list(
  initialize = function(optimizer, last_epoch = -1, verbose = FALSE) {
    if (!is_optimizer(optimizer)) stop("not an optimizer", call. = FALSE)
    self$optimizer <- optimizer
    if (last_epoch == -1) {
      optimizer$param_groups <- lapply(optimizer$param_groups, function(group) {
        if (is.null(group[["initial_lr"]])) group[["initial_lr"]] <- group[["lr"]]
        group
      })
    } else {
      for (group in optimizer$param_groups) {
        if (is.null(group[["initial_lr"]])) stop("param 'inital_lr' is not specified.", call. = FALSE)
      }
    }
    self$base_lrs <- lapply(optimizer$param_groups, function(group) group[["initial_lr"]])
    self$last_epoch <- last_epoch
    self$verbose <- verbose
    self$.step_count <- 0L
    self$step()
  },
  get_last_lr = function() self$.last_lr,
  get_lr = function() stop("Not implemented", call. = FALSE),
  step = function() {
    self$.step_count <- self$.step_count + 1L
    self$last_epoch <- self$last_epoch + 1
    values <- self$get_lr()
    groups <- self$optimizer$param_groups
    for (i in seq_along(groups)) {
      groups[[i]]$lr <- values[[i]]
      if (self$verbose) message(sprintf("Adjusting learning rate of group %s to %.4f", i, values[[i]]))
    }
    self$optimizer$param_groups <- groups
    self$.last_lr <- sapply(self$optimizer$param_groups, function(x) x$lr)
    invisible(NULL)
  }
))

lr_scheduler <- function(classname = NULL, inherit = LRScheduler, ..., parent_env = parent.frame()) {
  def <- .r6_class(classname, public = list(...), inherit = if (is.null(attr(inherit, "scheduler"))) inherit
                   else attr(inherit, "scheduler"), parent_env = parent_env)
  f <- function(optimizer, ...) .r6_new(def, list(optimizer, ...))
  attr(f, "scheduler") <- def
  class(f) <- c(classname, "lr_scheduler_generator")
  f
}
