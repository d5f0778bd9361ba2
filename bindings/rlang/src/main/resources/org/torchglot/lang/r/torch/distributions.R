# torch for R's distributions (R torch's R/distributions*.R, after torch.distributions): normal, bernoulli, categorical,
# poisson, multivariate normal and mixture of one family, with sample/rsample/log_prob/mean/variance as R torch
# defines them, drawing from torch's generator in PyTorch's order (so a seed gives PyTorch's samples).

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

# NOTE: sample() draws with torch_poisson, the engine's Poisson sampler.
Poisson <- .r6_class("torch_Poisson", inherit = Distribution, public = list(
  initialize = function(rate, validate_args = NULL) {
    self$rate <- .distribution_broadcast(list(rate))[[1]]
    super$initialize(if (is.numeric(rate)) 1 else self$rate$size(), validate_args = validate_args)
  },
  sample = function(sample_shape = NULL) {
    shape <- self$.extended_shape(sample_shape)
    with_no_grad(torch_poisson(self$rate$expand(shape)))
  },
  log_prob = function(value) {
    b <- .distribution_broadcast(list(self$rate, value))
    (b[[1]]$log() * b[[2]]) - b[[1]] - (b[[2]] + 1)$lgamma()
  }
), active = list(
  mean = function() self$rate,
  variance = function() self$rate
))

distr_poisson <- function(rate, validate_args = NULL) Poisson$new(rate, validate_args)

# A k-dimensional normal given one of its covariance, precision or lower Cholesky factor (scale_tril), which is what
# it keeps; loc may carry batch dims, the matrix is one k x k matrix.
MultivariateNormal <- .r6_class("torch_MultivariateNormal", inherit = Distribution, public = list(
  has_rsample = TRUE,
  initialize = function(loc, covariance_matrix = NULL, precision_matrix = NULL, scale_tril = NULL,
                        validate_args = NULL) {
    given <- !c(is.null(covariance_matrix), is.null(precision_matrix), is.null(scale_tril))
    if (sum(given) != 1) {
      stop("Exactly one of covariance_matrix or precision_matrix or scale_tril may be specified.", call. = FALSE)
    }
    if (loc$dim() < 1) stop("loc must be at least one-dimensional.", call. = FALSE)
    self$scale_tril <- if (!is.null(scale_tril)) scale_tril
                       else if (!is.null(covariance_matrix)) linalg_cholesky(covariance_matrix)
                       else linalg_cholesky(linalg_inv(precision_matrix))
    if (self$scale_tril$dim() != 2) {
      stop("the covariance, precision or scale_tril must be one k x k matrix", call. = FALSE)
    }
    self$loc <- loc
    shape <- loc$shape
    super$initialize(head(shape, -1), tail(shape, 1), validate_args = validate_args)
  },
  rsample = function(sample_shape = NULL) {
    shape <- self$.extended_shape(sample_shape)
    eps <- torch_empty(shape, dtype = self$loc$dtype)$normal_()
    self$loc + torch_matmul(eps, self$scale_tril$t())
  },
  log_prob = function(value) {
    diff <- value - self$loc
    y <- torch_matmul(diff, linalg_inv(self$scale_tril)$t())
    m <- (y^2)$sum(-1)
    half_log_det <- self$scale_tril$diagonal()$log()$sum()
    -0.5 * (self$event_shape * log(2 * pi) + m) - half_log_det
  },
  entropy = function() {
    half_log_det <- self$scale_tril$diagonal()$log()$sum()
    0.5 * self$event_shape * (1 + log(2 * pi)) + half_log_det
  }
), active = list(
  mean = function() self$loc,
  covariance_matrix = function() torch_mm(self$scale_tril, self$scale_tril$t()),
  precision_matrix = function() linalg_inv(self$covariance_matrix),
  variance = function() (self$scale_tril^2)$sum(-1)$expand(self$.extended_shape())
))

distr_multivariate_normal <- function(loc, covariance_matrix = NULL, precision_matrix = NULL, scale_tril = NULL,
                                      validate_args = NULL) {
  MultivariateNormal$new(loc, covariance_matrix, precision_matrix, scale_tril, validate_args)
}

# A mixture whose components are the last batch dim of one distribution, weighted by a categorical distribution.
MixtureSameFamily <- .r6_class("torch_MixtureSameFamily", inherit = Distribution, public = list(
  initialize = function(mixture_distribution, component_distribution, validate_args = NULL) {
    if (!inherits(mixture_distribution, "torch_Categorical")) {
      stop("The Mixture distribution needs to be an instance of torch_Categorical", call. = FALSE)
    }
    if (!inherits(component_distribution, "torch_Distribution")) {
      stop("The Component distribution need to be an instance of torch_Distribution", call. = FALSE)
    }
    cdbs <- component_distribution$batch_shape
    km <- mixture_distribution$.num_events
    if (tail(cdbs, 1) != km) {
      stop(sprintf("`mixture_distribution` component (%d) does not equal `component_distribution$batch_shape[-1]` (%d)",
                   km, tail(cdbs, 1)), call. = FALSE)
    }
    self$mixture_distribution <- mixture_distribution
    self$component_distribution <- component_distribution
    self$.num_component <- km
    self$.event_ndims <- length(component_distribution$event_shape)
    super$initialize(head(cdbs, -1), component_distribution$event_shape, validate_args = validate_args)
  },
  sample = function(sample_shape = NULL) {
    with_no_grad({
      mix_sample <- self$mixture_distribution$sample(sample_shape)
      comp_samples <- self$component_distribution$sample(sample_shape)
      # the component index of each draw, at the components' dim (just before the event dims)
      index <- mix_sample
      for (i in seq_len(self$.event_ndims)) index <- index$unsqueeze(-1)
      index <- index$unsqueeze(-1 - self$.event_ndims)
      shape <- comp_samples$shape
      shape[length(shape) - self$.event_ndims] <- 1
      index <- index$expand(shape)
      comp_samples$gather(-1 - self$.event_ndims, index)$squeeze(-1 - self$.event_ndims)
    })
  },
  log_prob = function(x) {
    x <- x$unsqueeze(-1 - self$.event_ndims)
    log_prob_x <- self$component_distribution$log_prob(x)
    log_mix_prob <- nnf_log_softmax(self$mixture_distribution$logits, dim = -1)
    torch_logsumexp(log_prob_x + log_mix_prob, dim = -1)
  }
), private = list(
  pad = function(x) {
    for (i in seq_len(self$.event_ndims)) x <- x$unsqueeze(-1)
    x
  }
), active = list(
  mean = function() {
    probs <- private$pad(self$mixture_distribution$probs)
    torch_sum(probs * self$component_distribution$mean, dim = -1 - self$.event_ndims)
  },
  variance = function() {
    probs <- private$pad(self$mixture_distribution$probs)
    dim <- -1 - self$.event_ndims
    mean_cond_var <- torch_sum(probs * self$component_distribution$variance, dim = dim)
    var_cond_mean <- torch_sum(probs * (self$component_distribution$mean - self$mean$unsqueeze(dim))^2,
                               dim = dim)
    mean_cond_var + var_cond_mean
  }
))

distr_mixture_same_family <- function(mixture_distribution, component_distribution, validate_args = NULL) {
  MixtureSameFamily$new(mixture_distribution, component_distribution, validate_args)
}
