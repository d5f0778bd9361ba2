# optimizer() and optim_required(): an optimizer written in R; lr_scheduler(): a scheduler written in R driving
# both an R optimizer and a built-in one.
library(torch)
optim_sgd2 <- optimizer(
  "optim_sgd2",
  initialize = function(params, lr = optim_required()) {
    super$initialize(params, list(lr = lr))
  },
  step = function(closure = NULL) {
    private$step_helper(closure, function(group, param, g, p) {
      param$add_(param$grad, alpha = -group$lr)
    })
  }
)
w <- torch_tensor(c(1, 2), requires_grad = TRUE)
opt <- optim_sgd2(w, lr = 0.1)
is_optimizer(opt)
class(opt)
loss <- (w^2)$sum()
loss$backward()
opt$step()
w
opt$zero_grad()
w$grad
r <- tryCatch(optim_sgd2(w), error = function(e) conditionMessage(e))
r
opt2 <- optim_sgd(list(w), lr = 1)
is_optimizer(opt2)
lr_halve <- lr_scheduler("lr_halve", initialize = function(optimizer, last_epoch = -1) {
  super$initialize(optimizer, last_epoch)
}, get_lr = function() {
  lapply(self$base_lrs, function(lr) lr * 0.5^self$last_epoch)
})
sched <- lr_halve(opt2)
sched$step()
opt2$param_groups[[1]]$lr
sched$step()
sched$get_last_lr()
sched2 <- lr_halve(opt)
sched2$step()
opt$param_groups[[1]]$lr
