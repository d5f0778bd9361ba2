# torch for R's data loading (R torch's R/utils-data*.R): datasets, samplers, dataloaders and their iterators.
# Like R torch, these are written in R; the classes are R6-style objects (.r6_class below).

# ---- R6-style classes ------------------------------------------------------------------------------------------------
# An instance is an environment of class c(classname, ancestors..., "R6"). Its methods' enclosing environment holds
# `self`, `private` and `super` (the parent class's methods bound to the same instance); active fields are functions
# called when read with `$`.

.r6_class <- function(classname, public = list(), private = NULL, active = NULL, inherit = NULL,
                      parent_env = parent.frame()) {
  structure(list(classname = classname, public = public, private = private, active = active, inherit = inherit,
                 parent_env = parent_env), class = "R6ClassGenerator")
}

.r6_classes <- function(def) {
  out <- character()
  while (!is.null(def)) {
    if (!is.null(def$classname)) out <- c(out, def$classname)
    def <- def$inherit
  }
  unique(c(out, "R6"))
}

.r6_has <- function(def, part) {
  while (!is.null(def)) {
    if (length(def[[part]]) > 0) return(TRUE)
    def <- def$inherit
  }
  FALSE
}

.r6_new <- function(def, args) {
  self <- new.env(parent = emptyenv())
  private <- if (.r6_has(def, "private")) new.env(parent = emptyenv()) else NULL
  active <- if (.r6_has(def, "active")) new.env(parent = emptyenv()) else NULL
  .r6_bind(def, self, private, active)
  if (!is.null(active)) attr(self, ".active") <- active
  class(self) <- .r6_classes(def)
  if (exists("initialize", envir = self, inherits = FALSE)) {
    do.call(get("initialize", envir = self), args)
  }
  self
}

# Binds the members of `def` (after its ancestors', so overrides win) to the instance; returns them for `super`.
.r6_bind <- function(def, self, private, active) {
  super <- if (is.null(def$inherit)) NULL else .r6_bind(def$inherit, self, private, active)
  enclos <- new.env(parent = def$parent_env)
  enclos$self <- self
  enclos$private <- private
  enclos$super <- super
  own <- new.env(parent = emptyenv())
  bind <- function(members, into) {
    for (name in names(members)) {
      value <- members[[name]]
      if (is.function(value)) {
        environment(value) <- enclos
        assign(name, value, envir = own)
      }
      assign(name, value, envir = into)
    }
  }
  bind(def$public, self)
  if (!is.null(private)) bind(def$private, private)
  if (!is.null(active)) bind(def$active, active)
  own
}

`$.R6` <- function(x, name) {
  active <- attr(x, ".active")
  if (!is.null(active) && exists(name, envir = active, inherits = FALSE)) {
    return(get(name, envir = active)())
  }
  if (exists(name, envir = x, inherits = FALSE)) get(name, envir = x) else NULL
}

`[[.R6` <- function(x, i) `$.R6`(x, i)

# A generator function of class `constructor_class`, holding its class definition as attribute `attr_name`.
.create_class <- function(name, inherit, members, private, active, parent_env, attr_name, constructor_class) {
  if (!is.null(attr(inherit, attr_name))) inherit <- attr(inherit, attr_name)
  def <- .r6_class(name, members, private, active, inherit, parent_env)
  f <- function(...) .r6_new(def, list(...))
  attr(f, attr_name) <- def
  class(f) <- constructor_class
  f
}

# ---- datasets ------------------------------------------------------------------------------------------------------

Dataset <- .r6_class("dataset", list(
  .getitem = function(index) stop("Not implemented", call. = FALSE)
))

dataset <- function(name = NULL, inherit = Dataset, ..., private = NULL, active = NULL,
                    parent_env = parent.frame()) {
  .create_class(name, inherit, list(...), private, active, parent_env, "Dataset", "dataset_generator")
}

is_dataset <- function(x) inherits(x, "dataset")

# A dataset read in order through an iterator (`.iter()` returns a function giving the next item or exhausted()),
# for data without random access; `.length()` is NA unless the class says otherwise.
IterableDataset <- .r6_class("iterable_dataset", list(
  .iter = function() stop("Not implemented", call. = FALSE),
  .length = function() NA_integer_
))

iterable_dataset <- function(name, inherit = IterableDataset, ..., private = NULL, active = NULL,
                             parent_env = parent.frame()) {
  .create_class(name, inherit, list(...), private, active, parent_env, "Dataset", "iterable_dataset_generator")
}

is_iterable_dataset <- function(x) inherits(x, "iterable_dataset")
as_iterator.iterable_dataset <- function(x) x$.iter()
length.iterable_dataset <- function(x) x$.length()

print.iterable_dataset_generator <- function(x, ...) {
  cat("<iterable_dataset_generator>\n")
  invisible(x)
}

print.dataset_generator <- function(x, ...) {
  cat("<dataset_generator>\n")
  invisible(x)
}

`[.dataset` <- function(x, y) {
  y <- as.integer(y)
  if (!is.null(x$.getbatch)) x$.getbatch(y) else x$.getitem(y)
}

`[[.dataset` <- function(x, y) {
  if (is.character(y)) return(`$.R6`(x, y))
  y <- as.integer(y)
  stopifnot(length(y) == 1L)
  x$.getitem(y)
}

length.dataset <- function(x) x$.length()

tensor_dataset <- dataset(
  name = "tensor_dataset",
  initialize = function(...) {
    tensors <- list(...)
    lens <- sapply(tensors, function(x) x$shape[1])
    if (length(unique(lens)) != 1) {
      stop("all tensors must have the same size in the first dimension.", call. = FALSE)
    }
    self$tensors <- tensors
  },
  .getitem = function(index, ..., drop = TRUE) {
    if (is.list(index)) index <- unlist(index)
    lapply(self$tensors, function(x) x[index, .., drop = drop])
  },
  .getbatch = function(index) {
    self$.getitem(index, drop = FALSE)
  },
  .length = function() {
    self$tensors[[1]]$shape[1]
  }
)

dataset_subset <- dataset(
  initialize = function(dataset, indices) {
    self$dataset <- dataset
    self$indices <- indices
    if (!is.null(dataset$.getbatch)) self$.getbatch <- self$.getitem
    classes <- class(dataset)
    class(self) <- c(paste0(classes[classes != "R6"], "_subset"), class(self))
  },
  .getitem = function(idx) {
    self$dataset[self$indices[idx]]
  },
  .length = function() {
    length(self$indices)
  }
)

# ---- coro's iteration protocol ---------------------------------------------------------------------------------------
# An iterator is a function returning the next element, or exhausted() at the end. `for` runs over any object with an
# as_iterator() method, so coro::loop(for (b in dl) ...) is the for loop itself.

.exhausted <- structure(list(), class = "coro_exhausted")
exhausted <- function() .exhausted
is_exhausted <- function(x) identical(x, .exhausted)
as_iterator <- function(x) UseMethod("as_iterator")
loop <- function(loop) {
  loop
  invisible(NULL)
}

collect <- function(x, n = NULL) {
  it <- as_iterator(x)
  out <- list()
  repeat {
    if (!is.null(n) && length(out) >= n) break
    value <- it()
    if (is_exhausted(value)) break
    out[[length(out) + 1]] <- value
  }
  out
}

as_iterator.function <- function(x) x

# ---- samplers ------------------------------------------------------------------------------------------------------

# Batches of `batch_size` consecutive elements of x.
.batch_iterator <- function(x, batch_size) {
  n <- length(x)
  i <- 1L
  batch_size <- as.integer(batch_size)
  function() {
    if (i > n) return(exhausted())
    end <- min(i + batch_size - 1L, n)
    out <- x[seq(i, end)]
    i <<- i + batch_size
    out
  }
}

# Batches of up to `batch_size` elements drawn from the iterator `it` (a sampler written with sampler()).
.batches_of <- function(it, batch_size) {
  function() {
    out <- c()
    while (length(out) < batch_size) {
      value <- it()
      if (is_exhausted(value)) break
      out <- c(out, value)
    }
    if (length(out) == 0) exhausted() else out
  }
}

# The indices of an iterable dataset's batches: there are none, the dataset's iterator gives the items.
InfiniteSampler <- .r6_class("utils_sampler_infinite", public = list(
  .iter_batch = function(batch_size) function() rep(NA_integer_, batch_size),
  .iter = function() function() NA_integer_,
  .length = function() NA_integer_
))

Sampler <- .r6_class("utils_sampler", public = list(
  initialize = function(data_source) NULL,
  .iter = function() stop("Not implemented", call. = FALSE)
))

# A sampler class written in R: `.iter()` returns an iterator over dataset indices, `.length()` their count.
sampler <- function(name = NULL, inherit = Sampler, ..., private = NULL, active = NULL, parent_env = parent.frame()) {
  .create_class(name, inherit, list(...), private, active, parent_env, "Sampler", c(name, "torch_sampler"))
}
length.utils_sampler <- function(x) x$.length()

SequentialSampler <- .r6_class("utils_sampler_sequential", inherit = Sampler, public = list(
  initialize = function(data_source) self$data_source <- data_source,
  .iter_batch = function(batch_size) .batch_iterator(seq_len(length(self$data_source)), batch_size),
  .iter = function() self$.iter_batch(1L),
  .length = function() length(self$data_source)
))

# NOTE: the order comes from torch's generator (torch_randperm), as in R torch, so torch_manual_seed() fixes it.
RandomSampler <- .r6_class("utils_sampler_random", inherit = Sampler, public = list(
  initialize = function(data_source, replacement = FALSE, num_samples = NULL) {
    self$data_source <- data_source
    self$replacement <- replacement
    self$.num_samples <- num_samples
  },
  .iter_batch = function(batch_size) {
    n <- length(self$data_source)
    if (self$replacement) {
      rand_tensor <- torch_randint(low = 1, high = n + 1, size = self$num_samples, dtype = torch_long())
    } else {
      rand_tensor <- torch_randperm(n) + 1L
    }
    .batch_iterator(as.integer(as_array(rand_tensor)), batch_size)
  },
  .iter = function() self$.iter_batch(1L),
  .length = function() self$num_samples
), active = list(
  num_samples = function() if (is.null(self$.num_samples)) length(self$data_source) else self$.num_samples
))

BatchSampler <- .r6_class("utils_sampler_batch", inherit = Sampler, public = list(
  initialize = function(sampler, batch_size, drop_last) {
    self$sampler <- sampler
    self$batch_size <- batch_size
    self$drop_last <- drop_last
  },
  .iter = function() {
    samp <- if (is.null(self$sampler$.iter_batch)) .batches_of(self$sampler$.iter(), self$batch_size)
            else self$sampler$.iter_batch(self$batch_size)
    function() {
      batch <- samp()
      if (is_exhausted(batch)) return(batch)
      if (length(batch) == self$batch_size || (length(batch) > 0 && !self$drop_last)) return(batch)
      exhausted()
    }
  },
  .length = function() {
    if (self$drop_last) {
      length(self$sampler) %/% self$batch_size
    } else {
      (length(self$sampler) + self$batch_size - 1) %/% self$batch_size
    }
  }
))

# ---- collation -----------------------------------------------------------------------------------------------------

# R torch's default collate: tensors and vectors are stacked along a new first dim, numbers become a tensor (long
# for integers, float for doubles, bool for logicals), strings stay a character vector, lists collate by element.
utils_data_default_collate <- function(batch) {
  elem <- batch[[1]]
  if (is_torch_tensor(elem)) {
    torch_stack(batch, dim = 1)
  } else if (is.atomic(elem) && !is.character(elem) && (length(elem) > 1 || is.array(elem))) {
    torch_stack(lapply(batch, torch_tensor), dim = 1)
  } else if (is.integer(elem) && length(elem) == 1) {
    torch_tensor(unlist(batch), dtype = torch_long())
  } else if (is.numeric(elem) && length(elem) == 1) {
    torch_tensor(unlist(batch), dtype = torch_float())
  } else if (is.logical(elem) && length(elem) == 1) {
    torch_tensor(unlist(batch), dtype = torch_bool())
  } else if (is.character(elem) && length(elem) == 1) {
    unlist(batch)
  } else if (is.list(elem)) {
    out <- lapply(seq_along(elem), function(i) utils_data_default_collate(lapply(batch, function(b) b[[i]])))
    names(out) <- names(elem)
    out
  } else {
    stop(sprintf("Can't collate data of class: '%s'", class(elem)[1]), call. = FALSE)
  }
}

# What a .getbatch() result becomes: tensors as they are, lists element by element, anything else a tensor.
utils_data_default_convert <- function(data) {
  if (is_torch_tensor(data)) {
    data
  } else if (is.list(data)) {
    lapply(data, utils_data_default_convert)
  } else {
    torch_tensor(data)
  }
}

# ---- dataloaders ---------------------------------------------------------------------------------------------------

DataLoader <- .r6_class("dataloader", public = list(
  initialize = function(dataset, batch_size, shuffle, sampler, drop_last, collate_fn) {
    if (!is_dataset(dataset) && !is_iterable_dataset(dataset)) {
      stop(sprintf("Unknown dataset type with class <%s>", class(dataset)[1]), call. = FALSE)
    }
    self$dataset <- dataset
    self$.iterable <- is_iterable_dataset(dataset)
    if (self$.iterable) {
      if (!is.null(sampler) || shuffle) {
        stop("sampler and shuffle are not supported for iterable datasets", call. = FALSE)
      }
      sampler <- InfiniteSampler$new()
    } else if (is.null(sampler)) {
      sampler <- if (shuffle) RandomSampler$new(dataset) else SequentialSampler$new(dataset)
    }
    self$.has_getbatch <- !is.null(dataset$.getbatch)
    self$batch_size <- batch_size
    self$drop_last <- drop_last
    self$sampler <- sampler
    self$batch_sampler <- if (is.null(batch_size)) NULL else BatchSampler$new(sampler, batch_size, drop_last)
    if (is.null(collate_fn)) {
      collate_fn <- if (self$.auto_collation) utils_data_default_collate else utils_data_default_convert
    }
    self$collate_fn <- collate_fn
  },
  .iter = function() DataLoaderIter$new(self),
  .length = function() {
    if (!self$.iterable) return(length(self$.index_sampler))
    n <- length(self$dataset)
    if (is.na(n) || is.null(self$batch_size)) n
    else if (self$drop_last) n %/% self$batch_size
    else (n + self$batch_size - 1) %/% self$batch_size
  }
), active = list(
  .auto_collation = function() !is.null(self$batch_sampler) && !self$.has_getbatch,
  .index_sampler = function() {
    if (self$.auto_collation || self$.has_getbatch) self$batch_sampler else self$sampler
  }
))

# `$new` on a class definition, as R6 generators have it.
`$.R6ClassGenerator` <- function(x, name) {
  if (identical(name, "new")) return(function(...) .r6_new(x, list(...)))
  unclass(x)[[name]]
}

DataLoaderIter <- .r6_class("dataloader_iter", public = list(
  initialize = function(loader) {
    self$.dataset <- loader$dataset
    self$.auto_collation <- loader$.auto_collation
    self$.collate_fn <- loader$collate_fn
    self$.index_sampler <- loader$.index_sampler
    self$.sampler_iter <- self$.index_sampler$.iter()
    self$.drop_last <- loader$drop_last
    if (loader$.iterable) self$.dataset_iter <- as_iterator(loader$dataset)
  },
  .next = function() {
    index <- self$.sampler_iter()
    if (is_exhausted(index)) return(exhausted())
    if (!is.null(self$.dataset_iter)) return(self$.next_from_iterator(index))
    if (self$.auto_collation) {
      data <- lapply(index, function(i) self$.dataset[i])
    } else {
      data <- self$.dataset[index]
    }
    self$.collate_fn(data)
  },
  # An iterable dataset's batch: up to length(index) items of its iterator (R torch's IterableDatasetFetcher).
  .next_from_iterator = function(index) {
    if (!self$.auto_collation) {
      data <- self$.dataset_iter()
      return(if (is_exhausted(data)) data else self$.collate_fn(data))
    }
    data <- list()
    for (i in seq_along(index)) {
      d <- self$.dataset_iter()
      if (is_exhausted(d)) {
        if (self$.drop_last || i == 1) return(exhausted())
        break
      }
      data[[i]] <- d
    }
    self$.collate_fn(data)
  },
  .length = function() length(self$.index_sampler)
))

dataloader <- function(dataset, batch_size = 1, shuffle = FALSE, sampler = NULL, batch_sampler = NULL,
                       num_workers = 0, collate_fn = NULL, pin_memory = FALSE, drop_last = FALSE, timeout = -1,
                       worker_init_fn = NULL, worker_globals = NULL, worker_packages = NULL) {
  if (num_workers > 0) {
    warning("num_workers > 0 is not supported: torchglot loads data in the main session", call. = FALSE)
  }
  DataLoader$new(dataset, batch_size, shuffle, sampler, drop_last, collate_fn)
}

is_dataloader <- function(x) inherits(x, "dataloader")
length.dataloader <- function(x) x$.length()
dataloader_make_iter <- function(dataloader) dataloader$.iter()

dataloader_next <- function(iter, completed = NULL) {
  res <- iter$.next()
  if (is_exhausted(res)) completed else res
}

as_iterator.dataloader <- function(x) {
  it <- x$.iter()
  function() it$.next()
}

as_iterator.dataloader_iter <- function(x) function() x$.next()

# enumerate(dl): one element per batch, each fetched when first read (R torch's deprecated form of iteration).
enumerate <- function(x, ...) UseMethod("enumerate")

enumerate.dataloader <- function(x, max_len = 1e6, ...) {
  warning("The `enumerate` construct is deprecated in favor of the `coro::loop` syntax.", call. = FALSE)
  len <- length(x)
  if (is.na(len)) len <- max_len
  state <- new.env(parent = emptyenv())
  state$.iter <- x$.iter()
  lapply(seq_len(len), function(i) {
    e <- new.env(parent = emptyenv())
    e$run <- FALSE
    e$state <- state
    class(e) <- "enum_env"
    e
  })
}

`[[.enum_env` <- function(x, name, ...) {
  if (!get("run", envir = x)) {
    state <- get("state", envir = x)
    state$batch <- state$.iter$.next()
    assign("run", TRUE, envir = x)
  }
  get("state", envir = x)$batch[[name]]
}

`$.enum_env` <- function(x, name) `[[.enum_env`(x, name)
