# distr_normal, distr_bernoulli, distr_categorical, distr_poisson, distr_multivariate_normal and
# distr_mixture_same_family: samples from a seed, log_prob, mean, variance (all PyTorch 1.13's values), probs from
# logits, the probs/logits check.
library(torch)
torch_manual_seed(1)
d <- distr_normal(0, 1)
d$sample(c(3))
d$log_prob(torch_tensor(c(0, 1)))
d$mean
d$variance
n2 <- distr_normal(torch_tensor(c(1, 2)), torch_tensor(c(1, 0.5)))
n2$sample()$shape
n2$log_prob(torch_tensor(c(1, 2)))
b <- distr_bernoulli(probs = torch_tensor(c(0.2, 0.9)))
torch_manual_seed(2)
b$sample()
b$log_prob(torch_tensor(c(1, 0)))
b$mean
b$variance
bl <- distr_bernoulli(logits = torch_tensor(c(0)))
bl$probs
c1 <- distr_categorical(probs = torch_tensor(c(0.1, 0.2, 0.7)))
torch_manual_seed(3)
c1$sample(c(5))
c1$log_prob(torch_tensor(c(1, 3)))
r <- tryCatch(distr_bernoulli(), error = function(e) conditionMessage(e))
r
p <- distr_poisson(torch_tensor(c(1, 4)))
p$log_prob(torch_tensor(c(0, 3)))
p$mean
p$variance
mvn <- distr_multivariate_normal(torch_zeros(2), covariance_matrix = torch_tensor(rbind(c(2, 0.5), c(0.5, 1))))
torch_manual_seed(1)
mvn$sample(c(3))
mvn$log_prob(torch_tensor(rbind(c(0, 0), c(1, -1))))
mvn$variance
mvn$covariance_matrix
mvn2 <- distr_multivariate_normal(torch_tensor(c(1, 2)), scale_tril = torch_tensor(rbind(c(1, 0), c(0.5, 2))))
mvn2$log_prob(torch_tensor(c(1, 1)))
mix <- distr_mixture_same_family(distr_categorical(probs = torch_tensor(c(0.3, 0.7))),
                                 distr_normal(torch_tensor(c(-1, 2)), torch_tensor(c(0.5, 1))))
mix$mean
mix$variance
mix$log_prob(torch_tensor(c(0, 1.5)))
torch_manual_seed(2)
mix$sample(c(4))
