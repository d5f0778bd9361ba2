package org.torchglot.lang.r.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** nn_module classes written in R, built-in modules, containers, state dicts and R torch's module printing. */
class ModuleTest {

    @Test
    void nnModuleBindsSelfAndRegistersWhatIsAssigned() {
        String out = TorchR.run("""
                net <- nn_module("net",
                  initialize = function(n) {
                    self$fc <- nn_linear(n, 2)
                    self$scale <- nn_parameter(torch_ones(2))
                    self$steps <- 0
                  },
                  forward = function(x) {
                    self$steps <- self$steps + 1
                    self$fc(x) * self$scale
                  }
                )
                m <- net(3)
                class(m)
                names(m$parameters)
                y <- m(torch_ones(4, 3))
                y$shape
                m$steps
                m$training
                m$eval()
                m$training
                """);
        assertEquals("""
                [1] "net"       "nn_module"
                [1] "fc.weight" "fc.bias"   "scale"    \n\
                [1] 4 2
                [1] 1
                [1] TRUE
                [1] FALSE
                """, out);
    }

    @Test
    void superInitializeRunsTheParentsInitialize() {
        String out = TorchR.run("""
                base <- nn_module("base",
                  initialize = function(n) self$fc <- nn_linear(n, 1),
                  forward = function(x) self$fc(x)
                )
                child <- nn_module("child", inherit = base,
                  initialize = function(n) {
                    super$initialize(n)
                    self$extra <- nn_linear(1, 1)
                  },
                  forward = function(x) self$extra(super$forward(x))
                )
                m <- child(5)
                class(m)
                names(m$parameters)
                m(torch_ones(2, 5))$shape
                """);
        assertEquals("""
                [1] "child"     "base"      "nn_module"
                [1] "fc.weight"    "fc.bias"      "extra.weight" "extra.bias"  \n\
                [1] 2 1
                """, out);
    }

    @Test
    void sequentialNamesFromZeroAndIndexesFromOne() {
        String out = TorchR.run("""
                block <- nn_module("block", initialize = function() self$l <- nn_linear(2, 2),
                                   forward = function(x) nnf_relu(self$l(x)))
                model <- nn_sequential(nn_linear(3, 2), block(), nn_sigmoid())
                names(model$parameters)
                length(model)
                class(model[[2]])
                model(torch_ones(1, 3))$shape
                sd <- model$state_dict()
                model[[1]]$bias$requires_grad
                other <- nn_sequential(nn_linear(3, 2), block(), nn_sigmoid())
                other$load_state_dict(sd)
                identical(as.numeric(other[[1]]$weight), as.numeric(model[[1]]$weight))
                """);
        assertEquals("""
                [1] "0.weight"   "0.bias"     "1.l.weight" "1.l.bias"  \n\
                [1] 3
                [1] "block"     "nn_module"
                [1] 1 2
                [1] TRUE
                [1] TRUE
                """, out);
    }

    @Test
    void modulesPrintAsRTorchDoes() {
        String rule = "─".repeat(66);
        String out = TorchR.run("""
                net <- nn_module("net",
                  initialize = function() {
                    self$layer_01 <- nn_linear(1000, 100)
                    self$layer_02 <- nn_linear(100, 10)
                    self$w <- nn_parameter(torch_zeros(3, 4))
                  })
                net()
                nn_linear(10, 1)
                """);
        assertEquals("An `nn_module` containing 101,122 parameters.\n\n"
                + "── Modules " + rule + "───\n"
                + "• layer_01: <nn_linear> #100,100 parameters\n"
                + "• layer_02: <nn_linear> #1,010 parameters\n\n"
                + "── Parameters " + rule + "\n"
                + "• w: Float [1:3, 1:4]\n"
                + "An `nn_module` containing 11 parameters.\n\n"
                + "── Parameters " + rule + "\n"
                + "• weight: Float [1:1, 1:10]\n"
                + "• bias: Float [1:1]\n", out);
    }

    @Test
    void lossModulesAndFunctionalsTakeRArguments() {
        assertEquals("[1] 0.25\n[1] 0.5\n[1] 2\n", TorchR.run("""
                as.numeric(nn_mse_loss()(torch_tensor(c(1, 2)), torch_tensor(c(1.5, 2.5))))
                as.numeric(nnf_mse_loss(torch_tensor(c(1, 2)), torch_tensor(c(1.5, 2.5)), reduction = "sum"))
                as.integer(nnf_softmax(torch_tensor(rbind(c(1, 3), c(2, 0))), dim = 2)$argmax(dim = 2)[1])
                """));
    }

    @Test
    void tableModulesTakeRTorchNamesAndOneBasedPositions() {
        String out = TorchR.run("""
                torch_manual_seed(0)
                emb <- nn_embedding(4, 2, padding_idx = 1)
                class(emb)
                as_array(emb(torch_tensor(c(1L, 1L), dtype = torch_long()))$sum())
                bn <- nn_batch_norm1d(2)
                y <- bn(torch_tensor(rbind(c(1, 2), c(3, 6))))
                as_array(bn$running_mean)
                as_array(nn_layer_norm(2)(torch_tensor(rbind(c(1, 3))))$squeeze())
                md <- nn_module_dict(list(act = nn_silu(), fc = nn_linear(2, 1)))
                class(md)
                names(md$parameters)
                loss <- nn_multi_margin_loss()
                as_array(loss(torch_tensor(rbind(c(0.1, 0.9))), torch_tensor(2L, dtype = torch_long())))
                """);
        assertEquals("""
                [1] "nn_embedding" "nn_module"   \n\
                [1] 0
                [1] 0.2 0.4
                [1] -0.999995  0.999995
                [1] "nn_module_dict" "nn_module"     \n\
                [1] "fc.weight" "fc.bias"  \n\
                [1] 0.1
                """, out);
    }
}
