package org.torchglot.lang.r.torch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.torchglot.engine.nn.Module;

/** The R constructors of the engine's built-in modules: {@code nn_linear} makes a {@code Linear}, and so on. */
final class BuiltinModules {
    /** R constructor name to engine (PyTorch) class name. */
    static final Map<String, String> CONSTRUCTORS = new LinkedHashMap<>();

    static {
        String[][] pairs = {
            {"nn_linear", "Linear"}, {"nn_identity", "Identity"}, {"nn_flatten", "Flatten"},
            {"nn_dropout", "Dropout"}, {"nn_relu", "ReLU"}, {"nn_leaky_relu", "LeakyReLU"},
            {"nn_sigmoid", "Sigmoid"}, {"nn_tanh", "Tanh"}, {"nn_softmax", "Softmax"},
            {"nn_log_softmax", "LogSoftmax"}, {"nn_gelu", "GELU"}, {"nn_elu", "ELU"}, {"nn_softplus", "Softplus"},
            {"nn_mse_loss", "MSELoss"}, {"nn_l1_loss", "L1Loss"}, {"nn_smooth_l1_loss", "SmoothL1Loss"},
            {"nn_bce_loss", "BCELoss"}, {"nn_bce_with_logits_loss", "BCEWithLogitsLoss"},
            {"nn_cross_entropy_loss", "CrossEntropyLoss"}, {"nn_nll_loss", "NLLLoss"},
            {"nn_sequential", "Sequential"}, {"nn_module_list", "ModuleList"},
        };
        for (String[] p : pairs) {
            CONSTRUCTORS.put(p[0], p[1]);
        }
    }

    private BuiltinModules() {
    }

    /** The R class of an engine module: {@code nn_linear} for {@code Linear}, the type name for others. */
    static String rName(Module m) {
        for (Map.Entry<String, String> e : CONSTRUCTORS.entrySet()) {
            if (e.getValue().equals(m.getClass().getSimpleName())) {
                return e.getKey();
            }
        }
        return m.typeName();
    }
}
