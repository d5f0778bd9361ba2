# torch for R's layout, memory-format and reduction constants, dtype predicates and limits, generators and
# the default generator's state, the seed scopes and with_detect_anomaly; values checked against PyTorch 1.13.
library(torch)
torch_strided()
cat("\n")
torch_contiguous_format()
cat("\n")
is_torch_layout(torch_strided())
is_torch_memory_format(torch_preserve_format())
torch_channels_last_format() == torch_channels_last_format()
torch_reduction_mean()
torch_reduction_sum()
torch_reduction_none()
is_torch_dtype(torch_float())
is_torch_dtype(1)
torch_is_floating_point(torch_tensor(1))
torch_is_floating_point(torch_tensor(1L))
str(torch_finfo(torch_float32()))
torch_finfo(torch_float64())$eps
torch_iinfo(torch_long())$bits
r <- tryCatch(torch_finfo(torch_long()), error = function(e) conditionMessage(e))
r
g <- torch_generator()
g
g$set_current_seed(42L)
g$current_seed()
torch_manual_seed(1)
s <- torch_get_rng_state()
a <- torch_randn(3)
torch_set_rng_state(s)
b <- torch_randn(3)
torch_equal(a, b)
f <- function() { local_torch_manual_seed(7); torch_randn(2) }
torch_manual_seed(1)
x1 <- f(); y1 <- torch_randn(1)
torch_manual_seed(1)
y2 <- torch_randn(1)
torch_equal(y1, y2)
with_torch_manual_seed(torch_randn(2), seed = 7)
x1
with_detect_anomaly({ torch_is_anomaly_enabled() })
torch_is_anomaly_enabled()
