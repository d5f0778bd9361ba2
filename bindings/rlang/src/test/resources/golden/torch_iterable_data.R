# iterable_dataset() read by a dataloader (batches, drop_last) and sampler(): a sampler written in R.
library(torch)
counter <- iterable_dataset("counter",
  initialize = function(n) self$n <- n,
  .iter = function() {
    i <- 0
    function() {
      i <<- i + 1
      if (i > self$n) return(exhausted())
      torch_tensor(i)
    }
  })
ds <- counter(5)
is_iterable_dataset(ds)
dl <- dataloader(ds, batch_size = 2)
coro::loop(for (b in dl) print(b$shape))
dl2 <- dataloader(ds, batch_size = 2, drop_last = TRUE)
length(coro::collect(dl2))
every_other <- sampler("every_other",
  initialize = function(data_source) self$data_source <- data_source,
  .iter = function() {
    idx <- seq(1, length(self$data_source), by = 2)
    i <- 0
    function() {
      i <<- i + 1
      if (i > length(idx)) exhausted() else idx[i]
    }
  },
  .length = function() ceiling(length(self$data_source) / 2))
td <- tensor_dataset(torch_arange(1, 6))
dl3 <- dataloader(td, batch_size = 2, sampler = every_other(td))
coro::loop(for (b in dl3) print(b[[1]]))
length(dl3)
