package org.torchglot.lang.r.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Optimizers from R take the same steps as PyTorch's: expected values from real PyTorch 1.13
 * ({@code optimizer_steps()} in tools/fixtures/r_tutorials_reference.py), same seed, same data.
 */
class OptimizerTest {
    private static String threeSteps(String optimizer) {
        return TorchR.run("""
                x <- torch_tensor(rbind(c(1, 2, 3), c(0.5, -1, 2)))
                y <- torch_tensor(rbind(1, 0))
                torch_manual_seed(1)
                lin <- nn_linear(3, 1)
                opt <- %s
                for (i in 1:3) {
                  opt$zero_grad()
                  loss <- nnf_mse_loss(lin(x), y)
                  loss$backward()
                  opt$step()
                }
                cat(sprintf("%%.6f", c(as.numeric(lin$weight), as.numeric(lin$bias), loss$item())), "\\n")
                """.formatted(optimizer));
    }

    @Test
    void sgdWithMomentumMatchesPyTorch() {
        assertEquals("0.318331 0.460355 -0.217768 0.123460 0.461648 \n",
                threeSteps("optim_sgd(lin$parameters, lr = 0.1, momentum = 0.9)"));
    }

    @Test
    void adamMatchesPyTorch() {
        assertEquals("0.327375 -0.224875 -0.082060 0.300795 0.771871 \n",
                threeSteps("optim_adam(lin$parameters, lr = 0.01)"));
    }

    @Test
    void paramGroupsCanBeReadAndChanged() {
        assertEquals("[1] 0.1\n[1] 0.01\n[1] 2\n", TorchR.run("""
                opt <- optim_sgd(nn_linear(2, 1)$parameters, lr = 0.1)
                opt$param_groups[[1]]$lr
                opt$param_groups[[1]]$lr <- 0.01
                opt$param_groups[[1]]$lr
                length(opt$param_groups[[1]]$params)
                """));
    }

    @Test
    void everyTableOptimizerIsAnRFunctionRpropMatchesPyTorch() {
        assertEquals("0.479487 -0.072830 0.070074 0.380990 0.391833 \n",
                threeSteps("optim_rprop(lin$parameters, lr = 0.05)"));
    }

    @Test
    void lbfgsStepsWithAnRClosureAndReturnsTheFirstLoss() {
        assertEquals("0.354324 0.272357 -0.044795 0.224448 0.013535 \n", TorchR.run("""
                x <- torch_tensor(rbind(c(1, 2, 3), c(0.5, -1, 2)))
                y <- torch_tensor(rbind(1, 0))
                torch_manual_seed(1)
                lin <- nn_linear(3, 1)
                opt <- optim_lbfgs(lin$parameters, lr = 0.5, max_iter = 3)
                closure <- function() {
                  opt$zero_grad()
                  loss <- nnf_mse_loss(lin(x), y)
                  loss$backward()
                  loss
                }
                for (i in 1:3) loss <- opt$step(closure)
                cat(sprintf("%.6f", c(as.numeric(lin$weight), as.numeric(lin$bias), loss$item())), "\n")
                """));
    }

    @Test
    void schedulersTakeRFunctionsAndMetrics() {
        assertEquals("[1] 0.0125\n[1] 0.00125\n", TorchR.run("""
                opt <- optim_sgd(nn_linear(2, 1)$parameters, lr = 0.1)
                sched <- lr_lambda(opt, lr_lambda = function(epoch) 0.5^epoch)
                for (i in 1:3) sched$step()
                sched$get_last_lr()[[1]]
                plateau <- lr_reduce_on_plateau(opt, patience = 0)
                plateau$step(1)
                plateau$step(2)
                opt$param_groups[[1]]$lr
                """));
    }
}
