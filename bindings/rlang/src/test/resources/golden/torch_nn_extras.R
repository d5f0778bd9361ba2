# The nn pieces torch for R writes in R or adds to nn_init: nn_softmax2d, nn_prune_head, nn_rrelu, the structured
# initialisers (values from PyTorch 1.13 with the same seed), gumbel softmax, triplet loss with a distance function
# and the AUM loss.
library(torch)
nn_softmax2d()(torch_ones(1, 2, 1, 1))
m <- nn_sequential(nn_linear(2, 3), nn_relu(), nn_linear(3, 1))
p <- nn_prune_head(m, 1L)
length(p)
p
nn_rrelu()
nn_init_eye_(torch_empty(2, 3))
nn_init_dirac_(torch_empty(2, 2, 3))
r <- tryCatch(nn_init_eye_(torch_empty(2)), error = function(e) conditionMessage(e))
r
torch_manual_seed(1)
nn_init_trunc_normal_(torch_empty(4), std = 0.5)
torch_manual_seed(1)
q <- nn_init_orthogonal_(torch_empty(3, 2))
q
round(as_array(torch_mm(q$t(), q)), 5)
y <- nnf_gumbel_softmax(torch_tensor(c(1, 2, 3)), tau = 0.5)
round(as_array(y$sum()), 5)
h <- nnf_gumbel_softmax(torch_tensor(rbind(c(1, 2, 3), c(3, 2, 1))), hard = TRUE)
as_array(h$sum(2))
sort(unique(as.vector(as_array(h))))
a <- torch_tensor(rbind(c(1, 0), c(0, 1)))
pos <- torch_tensor(rbind(c(1, 0.5), c(0, 1)))
neg <- torch_tensor(rbind(c(0, 0), c(1, 1)))
nnf_triplet_margin_with_distance_loss(a, pos, neg)
nn_triplet_margin_with_distance_loss(margin = 2, reduction = "none")(a, pos, neg)
l1 <- function(x, y) (x - y)$abs()$sum(2)
nnf_triplet_margin_with_distance_loss(a, pos, neg, distance_function = l1, swap = TRUE)
pred <- torch_tensor(c(2, -1, 0.5, 1), requires_grad = TRUE)
loss <- nn_aum_loss()(pred, torch_tensor(c(1, 0, 0, 1)))
loss
nnf_area_under_min_fpr_fnr(torch_tensor(c(1, -1, 0.5, 2)), torch_tensor(c(1, 0, 1, 0)))
