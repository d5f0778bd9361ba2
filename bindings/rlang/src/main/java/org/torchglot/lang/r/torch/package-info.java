/**
 * torch for R ({@code library(torch)}) on the engine's op tables: {@link org.torchglot.lang.r.torch.TorchRPackage}
 * registers the functions, {@code TensorHandler}, {@code ModuleHandler}, {@code OptimizerHandler} and
 * {@code DTypes} give the external objects R behaviour, {@code Values} converts R data (column-major) to tensors
 * (row-major) and back, and {@code TensorIndexing} maps R torch's 1-based indexing onto the engine's index items.
 *
 * <h2>Coverage</h2>
 * {@code torch_<op>} for every op of {@code OpTable.standard()} (plus {@code torch_tensor}, {@code torch_arange}
 * with R torch's inclusive end, {@code torch_manual_seed}, dtype constructors, {@code torch_device}),
 * {@code nnf_<op>} for {@code OpTable.functional()}, {@code nn_init_<op>} for {@code OpTable.init()}, the
 * {@code nn_*} modules (names by {@code RNames} of the engine), {@code nn_module} (initialize/forward/other methods/fields,
 * {@code inherit}, {@code super$}), {@code nn_parameter}, {@code nn_buffer}, {@code optim_*} and {@code lr_*}
 * (every optimizer and scheduler of the engine's table, e.g. {@code optim_lbfgs}, {@code lr_one_cycle}), {@code with_no_grad}, {@code with_enable_grad}.
 *
 * <h2>Left out</h2>
 * {@code dataset}/{@code dataloader}; {@code private =} and {@code active =} in {@code nn_module}, and inheriting
 * from built-in modules; 32-bit integer dtypes ({@code torch_int()} is int64 here); CUDA (devices are accepted and
 * ignored, {@code $cuda()} is an error); an unset {@code $grad} is {@code NULL} rather than an undefined tensor;
 * several position vectors in one assignment {@code x[c(1, 2), c(1, 2)] <- v} pair up as in Python.
 */
package org.torchglot.lang.r.torch;
