# torch for R's distributions (R torch's R/distributions*.R, after torch.distributions): distr_normal, distr_bernoulli
# and distr_categorical with sample/rsample/log_prob/mean/variance as R torch defines them, drawing from torch's
# generator in PyTorch's order (so a seed gives PyTorch's samples).

.distribution_broadcast <- function(values) {
  dtype <- NULL
  for (v in values) if (is_torch_tensor(v)) {
    dtype <- v$dtype
    break
  }
  if (is.null(dtype)) dtype <- torch_get_default_dtype()
  values <- lapply(values, function(v) {
    if (is_torch_tensor(v)) v
    else if (is.numeric(v)) torch_tensor(v, dtype = dtype)
    else stop("Input arguments must all be instances of numeric or torch_tensor.", call. = FALSE)
  })
  torch_broadcast_tensors(values)
}

.clamp_probs <- function(probs) {
  eps <- torch_finfo(probs$dtype)$eps
  probs$clamp(min = eps, max = 1 - eps)
}

Distribution <- .r6_class("torch_Distribution", public = list(
  initialize = function(batch_shape = NULL, event_shape = NULL, validate_args = NULL) {
    self$batch_shape <- batch_shape
    self$event_shape <- event_shape
    self$.validate_args <- isTRUE(validate_args)
  },
  .extended_shape = function(sample_shape = NULL) c(sample_shape, self$batch_shape, self$event_shape),
  sample = function(sample_shape = NULL) with_no_grad(self$rsample(sample_shape)),
  rsample = function(sample_shape = NULL) stop("Not implemented", call. = FALSE),
  print = function(...) {
    cat(class(self)[1], "()\n", sep = "")
    invisible(self)
  }
), active = list(
  stddev = function() self$variance$sqrt()
))

print.torch_Distribution <- function(x, ...) x$print(...)

Normal <- .r6_class("torch_Normal", inherit = Distribution, public = list(
  has_rsample = TRUE,
  initialize = function(loc, scale, validate_args = NULL) {
    b <- .distribution_broadcast(list(loc, scale))
    self$loc <- b[[1]]
    self$scale <- b[[2]]
    super$initialize(self$loc$size(), validate_args = validate_args)
  },
  sample = function(sample_shape = NULL) {
    shape <- self$.extended_shape(sample_shape)
    with_no_grad(torch_normal(self$loc$expand(shape), self$scale$expand(shape)))
  },
  rsample = function(sample_shape = NULL) {
    shape <- self$.extended_shape(sample_shape)
    eps <- torch_empty(shape, dtype = self$loc$dtype)$normal_()
    self$loc + eps * self$scale
  },
  log_prob = function(value) {
    var <- self$scale^2
    -((value - self$loc)^2) / (2 * var) - self$scale$log() - log(sqrt(2 * pi))
  },
  cdf = function(value) 0.5 * (1 + torch_erf((value - self$loc) * self$scale$reciprocal() / sqrt(2))),
  icdf = function(value) self$loc + self$scale * torch_erfinv(2 * value - 1) * sqrt(2),
  entropy = function() 0.5 + 0.5 * log(2 * pi) + torch_log(self$scale)
), active = list(
  mean = function() self$loc,
  stddev = function() self$scale,
  variance = function() self$scale$pow(2)
))

distr_normal <- function(loc, scale, validate_args = NULL) Normal$new(loc, scale, validate_args)

.probs_or_logits <- function(probs, logits) {
  if (is.null(probs) == is.null(logits)) {
    stop("Either `probs` or `logits` must be specified, but not both.", call. = FALSE)
  }
}

Bernoulli <- .r6_class("torch_Bernoulli", inherit = Distribution, public = list(
  initialize = function(probs = NULL, logits = NULL, validate_args = NULL) {
    .probs_or_logits(probs, logits)
    scalar <- is.numeric(if (is.null(probs)) logits else probs)
    if (!is.null(probs)) {
      self$.probs <- .distribution_broadcast(list(probs))[[1]]
    } else {
      self$.logits <- .distribution_broadcast(list(logits))[[1]]
    }
    self$.param <- if (is.null(probs)) self$.logits else self$.probs
    super$initialize(if (scalar) 1 else self$.param$size(), validate_args = validate_args)
  },
  sample = function(sample_shape = NULL) {
    shape <- self$.extended_shape(sample_shape)
    with_no_grad(torch_bernoulli(self$probs$expand(shape)))
  },
  log_prob = function(value) {
    b <- torch_broadcast_tensors(list(self$logits, value))
    -nnf_binary_cross_entropy_with_logits(b[[1]], b[[2]], reduction = "none")
  },
  entropy = function() nnf_binary_cross_entropy_with_logits(self$logits, self$probs, reduction = "none")
), active = list(
  mean = function() self$probs,
  variance = function() self$probs * (1 - self$probs),
  probs = function() if (is.null(self$.probs)) torch_sigmoid(self$.logits) else self$.probs,
  logits = function() {
    if (!is.null(self$.logits)) return(self$.logits)
    p <- .clamp_probs(self$.probs)
    torch_log(p) - torch_log1p(-p)
  }
))

distr_bernoulli <- function(probs = NULL, logits = NULL, validate_args = NULL) {
  Bernoulli$new(probs, logits, validate_args)
}

# Categories are 1-based, as R torch's indices: sample() draws 1..K and log_prob() takes them.
Categorical <- .r6_class("torch_Categorical", inherit = Distribution, public = list(
  initialize = function(probs = NULL, logits = NULL, validate_args = NULL) {
    .probs_or_logits(probs, logits)
    if (!is.null(probs)) {
      if (probs$dim() < 1) stop("`probs` must be at least one-dimensional.", call. = FALSE)
      self$.probs <- probs / probs$sum(-1, keepdim = TRUE)
    } else {
      if (logits$dim() < 1) stop("`logits` must be at least one-dimensional.", call. = FALSE)
      self$.logits <- logits - logits$logsumexp(dim = -1, keepdim = TRUE)
    }
    param <- if (is.null(probs)) self$.logits else self$.probs
    self$.num_events <- param$size(-1)
    batch_shape <- if (param$dim() > 1) head(param$shape, -1) else NULL
    super$initialize(batch_shape, validate_args = validate_args)
  },
  sample = function(sample_shape = NULL) {
    probs2d <- self$probs$reshape(c(-1, self$.num_events))
    numel <- prod(as.integer(sample_shape))
    samples_2d <- torch_multinomial(probs2d, numel, replacement = TRUE)$t()
    samples_2d$reshape(self$.extended_shape(sample_shape))
  },
  log_prob = function(value) {
    value <- value$to(dtype = torch_long())$unsqueeze(-1)
    b <- torch_broadcast_tensors(list(value, self$logits))
    value <- b[[1]][.., 1, drop = FALSE]
    b[[2]]$gather(-1, value)$squeeze(-1)
  },
  entropy = function() {
    logits <- self$logits$clamp(min = torch_finfo(self$logits$dtype)$min)
    -(logits * self$probs)$sum(-1)
  }
), active = list(
  probs = function() if (is.null(self$.probs)) nnf_softmax(self$.logits, dim = -1) else self$.probs,
  logits = function() if (is.null(self$.logits)) torch_log(.clamp_probs(self$.probs)) else self$.logits,
  mean = function() torch_full(self$.extended_shape(), NaN, dtype = self$probs$dtype),
  variance = function() torch_full(self$.extended_shape(), NaN, dtype = self$probs$dtype)
))

distr_categorical <- function(probs = NULL, logits = NULL, validate_args = NULL) {
  Categorical$new(probs, logits, validate_args)
}
