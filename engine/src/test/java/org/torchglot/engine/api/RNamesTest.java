package org.torchglot.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** R torch's names of the op tables' entries and R's help text for them. */
class RNamesTest {

    @Test
    void classesGoToSnakeCaseAsInRTorch() {
        List<String> names = RNames.all().stream().map(RNames.Entry::name).toList();
        assertTrue(names.containsAll(List.of("nn_relu", "nn_leaky_relu", "nn_mse_loss", "nn_bce_loss",
                "nn_bce_with_logits_loss", "nn_linear", "nn_module_list", "optim_sgd", "optim_adamw", "lr_step",
                "lr_cosine_annealing", "lr_reduce_on_plateau", "lr_one_cycle", "lr_lambda", "lr_multiplicative",
                "lr_cosine_annealing_warm_restarts", "optim_lbfgs", "optim_nadam", "optim_asgd", "torch_matmul", "nnf_relu", "nn_init_xavier_uniform_")), names::toString);
        for (String wrong : List.of("nn_re_lu", "nn_mseloss", "nn_bceloss", "nn_leaky_re_lu", "torch_float",
                "lr_reduce_lr_on_plateau", "lr_one_cycle_lr", "optim_l_b_f_g_s", "nn_ReLU")) {
            assertFalse(names.contains(wrong), wrong);
        }
        assertEquals(OpTable.modules().op("MSELoss"), RNames.find("nn_mse_loss").orElseThrow().op());
        assertEquals("nn_leaky_relu", RNames.nameOf(OpTable.modules(), "LeakyReLU").orElseThrow());
        assertEquals("lr_exponential", RNames.nameOf(OpTable.optimizers(), "ExponentialLR").orElseThrow());
    }

    @Test
    void helpWritesRValuesAndOneBasedDims() {
        assertEquals("""
                nn_flatten(start_dim = 2, end_dim = -1)

                Flattens a range of dims.

                Arguments:
                  start_dim  dim (1-based)
                  end_dim    dim (1-based)
                """, RNames.help("nn_flatten").orElseThrow());
        String sum = RNames.help("torch_sum").orElseThrow();
        assertTrue(sum.startsWith("torch_sum(self, dim = NULL, keepdim = FALSE, dtype = NULL)\n"), sum);
        String linear = RNames.help("nn_linear").orElseThrow();
        assertTrue(linear.startsWith("nn_linear(in_features, out_features, bias = TRUE"), linear);
        String crossEntropy = RNames.help("nnf_cross_entropy").orElseThrow();
        assertTrue(crossEntropy.contains("ignore_index = -100") && crossEntropy.contains("reduction = \"mean\""), crossEntropy);
        assertTrue(RNames.help("torch_zeros").orElseThrow().startsWith("torch_zeros(..., "));
        assertTrue(RNames.help("nn_relux").isEmpty());
    }
}
