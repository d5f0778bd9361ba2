# dataset() and dataloader() as torch for R has them: R6-style fields, private and active members, .getitem,
# .getbatch, .length, the default collate, samplers drawing from torch's generator, and the iteration forms.
library(torch)
counter <- dataset(
  name = "counter",
  initialize = function(n) {
    self$n <- n
    private$reads <- 0
  },
  .getitem = function(i) {
    private$reads <- private$reads + 1
    list(x = c(i, 10 * i), y = i, label = letters[i], odd = i %% 2 == 1)
  },
  .length = function() self$n,
  reads = function() private$reads,
  private = list(reads = NULL),
  active = list(size = function() length(self))
)
print(counter)
d <- counter(5)
class(d)
length(d)
d$size
str(d[2])
d[[3]]$label
d$reads()

# Batches collate element by element: vectors stack, integers become long, doubles float, logicals bool.
dl <- dataloader(d, batch_size = 2)
length(dl)
b <- dataloader_next(dataloader_make_iter(dl))
b$x
b$y
b$label
b$odd

# drop_last, and coro::loop, plain for, enumerate
length(dataloader(d, batch_size = 2, drop_last = TRUE))
coro::loop(for (b in dataloader(d, batch_size = 2, drop_last = TRUE)) cat(as.numeric(b$y), "\n"))
for (b in dl) cat(b$label, "\n")
batches <- enumerate(dl)
length(batches)
as.numeric(batches[[1]]$y)
as.numeric(batches[[2]]$y)
batches[[2]]$label

# Exhausted iterators give `completed`
it <- dataloader_make_iter(dataloader(d, batch_size = 5))
length(dataloader_next(it)$y)
dataloader_next(it, completed = "done")

# Shuffling draws torch_randperm from torch's generator, so a torch seed fixes the order
# (PyTorch: torch.manual_seed(7); torch.randperm(5) + 1 is 1 2 4 3 5).
torch_manual_seed(7)
for (b in dataloader(d, batch_size = 5, shuffle = TRUE)) print(as.integer(b$y))

# tensor_dataset and .getbatch: the whole batch comes from one indexing, batch dim kept
td <- tensor_dataset(x = torch_tensor(matrix(1:12, 6)), y = torch_tensor(1:6))
length(td)
td[2]
for (b in dataloader(td, batch_size = 4)) print(b$x$shape)
sub <- dataset_subset(td, c(2, 4, 6))
class(sub)
length(sub)
as.integer(sub[3]$y)

# A dataset with only .getbatch
batched <- dataset(
  initialize = function() self$data <- torch_arange(1, 10),
  .getbatch = function(i) list(v = self$data[i], n = length(i)),
  .length = function() 10
)
for (b in dataloader(batched(), batch_size = 4)) cat(as.numeric(b$v), "|", as.numeric(b$n), "\n")

# A missing .getitem
broken <- dataset(name = "broken", .length = function() 3)
try(broken()[1])
dataloader(1:10)
