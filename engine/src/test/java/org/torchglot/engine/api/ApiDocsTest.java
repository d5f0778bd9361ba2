package org.torchglot.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApiDocsTest {

    private static final Path REFERENCE = Path.of("..", "docs", "api-reference.md");

    /** The committed reference matches the op tables; the test never rewrites it. */
    @Test
    void theCommittedApiReferenceIsUpToDate() throws IOException {
        String committed = Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "";
        assertTrue(committed.equals(ApiDocs.render()), "docs/api-reference.md is stale. Regenerate it from the repository "
                + "root after building:\n  java -cp \"$(cat repl/target/classpath.txt)\" org.torchglot.engine.api.ApiDocs "
                + "docs/api-reference.md");
    }

    @Test
    void classNamesBecomeRTorchSpellings() {
        assertEquals("linear", RNames.snakeCase("Linear"));
        assertEquals("leaky_relu", RNames.snakeCase("LeakyReLU"));
        assertEquals("bce_with_logits_loss", RNames.snakeCase("BCEWithLogitsLoss"));
        assertEquals("smooth_l1_loss", RNames.snakeCase("SmoothL1Loss"));
        assertEquals("nll_loss", RNames.snakeCase("NLLLoss"));
        assertEquals("module_list", RNames.snakeCase("ModuleList"));
        assertEquals("cosine_annealing", RNames.snakeCase("CosineAnnealing"));
        assertEquals("batch_norm1d", RNames.snakeCase("BatchNorm1d"));
        assertEquals("relu6", RNames.snakeCase("ReLU6"));
        assertEquals("prelu", RNames.snakeCase("PReLU"));
        assertEquals("silu", RNames.snakeCase("SiLU"));
        assertEquals("rrelu", RNames.snakeCase("RReLU"));
        assertEquals("kl_div_loss", RNames.snakeCase("KLDivLoss"));
        assertEquals("gaussian_nll_loss", RNames.snakeCase("GaussianNLLLoss"));
        assertEquals("multilabel_soft_margin_loss", RNames.snakeCase("MultiLabelSoftMarginLoss"));
        assertEquals("module_dict", RNames.snakeCase("ModuleDict"));
    }
}
