# distr_normal, distr_bernoulli and distr_categorical: samples from a seed (PyTorch 1.13's draws), log_prob, mean,
# variance, probs from logits, the probs/logits check.
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
