# A two-layer net with nn_module, %>% and optim_sgd: the R torch tutorial "R) DL - Multi Layer Model-01"
# (shared/seeds), as written. torchglot: the post passed `device` to torch_randn before defining it, so the
# `device = torch_device("cpu")` line is moved up to its first use.
library("torch")

device = torch_device("cpu") # cuda

batch_size = 64
D_in = 1000
D_out = 10

torch_manual_seed(123)
x = torch_randn(batch_size, D_in, device = device)
y = torch_randn(batch_size, D_out, device = device)
dim(x)

x[1:3, 1:3]

batch_size = 64
D_in = 1000
H = 100
D_out = 10

loss_fn = nnf_mse_loss # MSE

learning_rate = 1e-4 # 1/10000

udf_init = function(D_in, H, D_out) {
self$layer_01 = nn_linear(in_features = D_in, out_features = H)
self$layer_02 = nn_linear(in_features = H, out_features = D_out)
}

udf_str = function(input){
input %>%
self$layer_01() %>%
nnf_relu() %>%
self$layer_02()
}

torch_manual_seed(123)
net_layer_02 = nn_module(classname = "two_layer_net",
initialize = udf_init,
forward = udf_str)
model = net_layer_02(D_in, H, D_out)

optimizer = optim_sgd(model$parameters, lr = learning_rate)
for(n_step in 1:500){
y_pred = model(x) # 예측값 생산
loss = loss_fn(y_pred, y) # 손실 계산

if(n_step %% 100 == 0)
cat("Step:", n_step, ":", as.numeric(loss), "\n")

optimizer$zero_grad()
loss$backward() # 역전파
optimizer$step() # 가중치 갱신
}
