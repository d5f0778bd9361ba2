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
        assertEquals("linear", ApiDocs.snakeCase("Linear"));
        assertEquals("leaky_relu", ApiDocs.snakeCase("LeakyReLU"));
        assertEquals("bce_with_logits_loss", ApiDocs.snakeCase("BCEWithLogitsLoss"));
        assertEquals("smooth_l1_loss", ApiDocs.snakeCase("SmoothL1Loss"));
        assertEquals("nll_loss", ApiDocs.snakeCase("NLLLoss"));
        assertEquals("module_list", ApiDocs.snakeCase("ModuleList"));
        assertEquals("cosine_annealing", ApiDocs.snakeCase("CosineAnnealing"));
    }
}
