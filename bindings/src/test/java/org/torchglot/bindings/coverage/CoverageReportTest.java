package org.torchglot.bindings.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoverageReportTest {

    private static final Path ROOT = Path.of("..");
    private static final Path REPORT = ROOT.resolve("docs").resolve("coverage.md");

    /** The committed report matches the tables, the packages and the fixtures; the test never rewrites it. */
    @Test
    void theCommittedCoverageReportIsUpToDate() throws IOException {
        String committed = Files.exists(REPORT) ? Files.readString(REPORT) : "";
        String current = CoverageReport.render(ROOT);
        assertTrue(current.contains("| `torch.nn` |") && current.contains("| `rtorch` |"), current);
        assertTrue(committed.equals(current), "docs/coverage.md is stale. Regenerate it from the repository root "
                + "after building (mvn -o -q install -DskipTests):\n  java --module-path \"$(cat "
                + "repl/target/module-path.txt)\" --add-modules=ALL-MODULE-PATH -cp \"$(cat repl/target/classpath.txt)\" "
                + "org.torchglot.bindings.coverage.CoverageReport docs/coverage.md");
    }

    @Test
    void theFirstMatchingRuleDecidesAndUnmatchedNamesAreInScope() {
        ScopeRules rules = ScopeRules.parse(List.of(
                "# comment",
                "in  torch  conv_keep  rescued",
                "out torch,Tensor  conv.*  convolution",
                "out *  .*cuda.*  devices",
                "out TORCH  pad  padding"), "test.rules");
        assertEquals(Optional.empty(), rules.outOfScope("torch", "conv_keep"));
        assertEquals(Optional.of("convolution"), rules.outOfScope("Tensor", "conv2d"));
        assertEquals(Optional.empty(), rules.outOfScope("torch.nn", "conv2d"));
        assertEquals(Optional.of("devices"), rules.outOfScope("numpy", "is_cuda"));
        assertEquals(Optional.empty(), rules.outOfScope("torch", "matmul"));
        assertEquals(Optional.of("padding"), rules.outOfScope("rtorch", "pad"));
        assertEquals(Optional.empty(), rules.outOfScope("numpy", "pad"));
    }

    @Test
    void aLanguageRuleExemptsOnlyThatLanguage() {
        ScopeRules rules = ScopeRules.parse(List.of(
                "out Tensor@js  numpy  no numpy there",
                "out Tensor  numpy  never"), "test.rules");
        assertEquals(Optional.of("no numpy there"), rules.outOfScopeIn("js", "Tensor", "numpy"));
        assertEquals(Optional.empty(), rules.outOfScopeIn("js", "Tensor", "tolist"));
        assertEquals(Optional.of("never"), rules.outOfScope("Tensor", "numpy"));
        assertEquals(Optional.empty(), ScopeRules.parse(List.of("out Tensor@js  numpy  no numpy there"), "test.rules")
                .outOfScope("Tensor", "numpy"));
    }
}
