# The nn functions torch for R writes in R itself (R torch's R/nn-*.R and R/nnf-*.R), over the engine's ops.

nn_softmax2d <- nn_module(
  "nn_softmax2d",
  forward = function(input) nnf_softmax(input, dim = -3)
)

nnf_gumbel_softmax <- function(logits, tau = 1, hard = FALSE, dim = -1) {
  # NOTE: Gumbel(0, 1) noise as -log(E), E = -log(U) ~ Exp(1): the same distribution as libtorch's exponential_(),
  # not its draws (the engine has no exponential_), so seeded samples differ from R torch's.
  gumbels <- -(-torch_rand_like(logits)$log())$log()
  gumbels <- (logits + gumbels) / tau
  y_soft <- gumbels$softmax(dim)
  if (hard) {
    index <- y_soft$max(dim, keepdim = TRUE)[[2]]
    y_hard <- torch_zeros_like(logits)$scatter_(dim, index, 1.0)
    y_hard - y_soft$detach() + y_soft
  } else {
    y_soft
  }
}

nnf_triplet_margin_with_distance_loss <- function(anchor, positive, negative, distance_function = NULL,
                                                  margin = 1.0, swap = FALSE, reduction = "mean") {
  if (is.null(distance_function)) distance_function <- nnf_pairwise_distance
  positive_dist <- distance_function(anchor, positive)
  negative_dist <- distance_function(anchor, negative)
  if (swap) negative_dist <- torch_min(negative_dist, distance_function(positive, negative))
  output <- torch_clamp(positive_dist - negative_dist + margin, min = 0.0)
  switch(reduction, mean = output$mean(), sum = output$sum(), none = output,
         stop(sprintf("%s is not a valid value for reduction", reduction), call. = FALSE))
}

nn_triplet_margin_with_distance_loss <- nn_module(
  "nn_triplet_margin_with_distance_loss",
  initialize = function(distance_function = NULL, margin = 1, swap = FALSE, reduction = "mean") {
    self$distance_function <- if (is.null(distance_function)) nnf_pairwise_distance else distance_function
    self$margin <- margin
    self$swap <- swap
    self$reduction <- reduction
  },
  forward = function(anchor, positive, negative) {
    nnf_triplet_margin_with_distance_loss(anchor, positive, negative, distance_function = self$distance_function,
                                          margin = self$margin, swap = self$swap, reduction = self$reduction)
  }
)

# The area under the minimum of false positive and false negative rates over all thresholds of `input` (a vector of
# scores; `target` marks positives with its largest value), R torch's AUM loss.
nnf_area_under_min_fpr_fnr <- function(input, target) {
  input <- input$flatten()
  target <- target$flatten()
  is_positive <- target == target$max()
  is_negative <- is_positive$logical_not()
  if (as.logical(torch_sum(is_positive) == 0) || as.logical(torch_sum(is_negative) == 0)) {
    return(torch_sum(input * 0))
  }
  fn_diff <- -1L * is_positive$to(dtype = torch_long())
  fp_diff <- is_negative$to(dtype = torch_long())
  fp_denom <- torch_sum(is_negative)
  fn_denom <- torch_sum(is_positive)
  sorted_pred_ids <- torch_argsort(input, dim = 1, descending = TRUE)
  sorted_fp_cum <- fp_diff[sorted_pred_ids]$cumsum(dim = 1) / fp_denom
  sorted_fn_cum <- -fn_diff[sorted_pred_ids]$flip(1)$cumsum(dim = 1)$flip(1) / fn_denom
  sorted_thresh_gr <- -input[sorted_pred_ids]
  sorted_dedup <- sorted_thresh_gr$diff(dim = 1) != 0
  padding <- torch_ones(1, dtype = torch_bool())
  sorted_fp_end <- torch_cat(list(sorted_dedup, padding))
  sorted_fn_end <- torch_cat(list(padding, sorted_dedup))
  uniq_thresh_gr <- sorted_thresh_gr[sorted_fp_end]
  uniq_fp_after <- sorted_fp_cum[sorted_fp_end]
  uniq_fn_before <- sorted_fn_cum[sorted_fn_end]
  n <- uniq_thresh_gr$size(1)
  min_fpr_fnr <- torch_minimum(uniq_fp_after[1:(n - 1)], uniq_fn_before[2:n])
  torch_sum(min_fpr_fnr * uniq_thresh_gr$diff(dim = 1), dim = 1)
}

nn_aum_loss <- nn_module(
  "nn_aum_loss",
  forward = function(input, target) nnf_area_under_min_fpr_fnr(input, target)
)

# A module without its last `head_size` children, as an nn_sequential of the rest (R torch's nn_prune_head).
nn_prune_head <- function(x, head_size = 1L) {
  children <- x$children
  do.call(nn_sequential, unname(children[seq_len(length(children) - head_size)]))
}
