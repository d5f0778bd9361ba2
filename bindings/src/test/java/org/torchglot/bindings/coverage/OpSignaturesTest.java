package org.torchglot.bindings.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.api.RNames;
import org.torchglot.engine.api.Signature;

/**
 * Every op of the tables takes the real API's parameter names as keywords, in its order: PyTorch 1.13's for
 * Python and JavaScript, R torch's for R. One failure lists every mismatch, so parallel work sees all of them.
 */
class OpSignaturesTest {

    private static final Path ROOT = Path.of("..");
    private static final RealApi API = RealApi.load(ROOT);

    @Test
    void everyOpTakesPyTorchsParameterNames() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (TableNamespaces.Entry ns : TableNamespaces.all()) {
            for (String name : ns.names()) {
                RealApi.Name real = API.find(ns.namespace(), name);
                if (real == null || real.overloads().isEmpty()) {
                    continue;
                }
                checked++;
                List<String> ours = pythonNames(ns.table().op(name).signature(), ns.method());
                Optional<String> problem = SignatureMatch.problem(ours, keywordOnly(ns.table().op(name).signature(),
                        ns.method()), real.overloads());
                if (problem.isPresent()) {
                    mismatches.add(ns.namespace() + "." + name + ": ours " + ours + ", PyTorch " + describe(real)
                            + " (" + problem.get() + ")");
                }
            }
        }
        assertTrue(checked > 200, "too few ops matched the fixture: " + checked);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " ops take parameter names PyTorch 1.13 does not "
                + "(fix the op table's signature, whose `self|input`-style bar gives torch.f's name where x.f's differs; "
                + "tools/fixtures/api/torch.tsv has PyTorch's):\n  "
                + String.join("\n  ", mismatches));
    }

    @Test
    void noRFunctionRenamesAnRTorchArgument() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (RNames.Entry entry : RNames.all()) {
            RealApi.Name real = API.find("rtorch", entry.name());
            if (real == null || real.overloads().isEmpty()) {
                continue;
            }
            checked++;
            Signature signature = entry.op().signature();
            List<String> ours = signature.params().stream().map(signature::rName)
                    .filter(n -> !n.startsWith("_")).toList();
            // NOTE: R torch's dot-prefixed arguments (.weight) are private, as our underscore-prefixed ones are.
            List<String> theirs = real.overloads().get(0).stream().map(RealApi.Param::name)
                    .filter(n -> n.equals("...") || !n.startsWith(".")).toList();
            // NOTE: R torch leaves out Python-only arguments (size_average, foreach) and adds R ones (layout):
            // what breaks R users is a renamed argument, the same position under two different names.
            List<String> renamed = new ArrayList<>();
            int comparable = theirs.contains("...") ? theirs.indexOf("...") : theirs.size();
            for (int i = 0; i < Math.min(ours.size(), comparable); i++) {
                if (!ours.contains(theirs.get(i)) && !theirs.contains(ours.get(i))) {
                    renamed.add(ours.get(i) + " for " + theirs.get(i));
                }
            }
            if (!renamed.isEmpty()) {
                mismatches.add(entry.name() + ": ours " + ours + ", R torch " + theirs + " (" + renamed + ")");
            }
        }
        assertTrue(checked > 50, "too few R functions matched the fixture: " + checked);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " R functions take argument names R torch does not "
                + "(tools/fixtures/api/rtorch.tsv has R torch's):\n  " + String.join("\n  ", mismatches));
    }

    @Test
    void theMatchRequiresNamesAndOrder() {
        List<List<RealApi.Param>> matmul = List.of(RealApi.parseParams("input; other; *; out=None"));
        assertEquals(Optional.empty(), SignatureMatch.problem(List.of("input", "other"), List.of(), matmul));
        assertTrue(SignatureMatch.problem(List.of("self", "other"), List.of(), matmul).isPresent());
        assertTrue(SignatureMatch.problem(List.of("other", "input"), List.of(), matmul).isPresent());
        assertTrue(SignatureMatch.problem(List.of("input", "other"), List.of("other"), matmul).isPresent());
        List<List<RealApi.Param>> view = List.of(RealApi.parseParams("dtype"), RealApi.parseParams("*size"));
        assertEquals(Optional.empty(), SignatureMatch.problem(List.of("size"), List.of(), view));
    }

    /**
     * The names Python users type: a method's receiver ({@code self}, wherever the signature puts it) has none, a
     * function's parameters their function-form names.
     */
    private static List<String> pythonNames(Signature sig, boolean method) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sig.params().size(); i++) {
            Signature.Param p = sig.params().get(i);
            if (p.name().startsWith("_") || (method && i == sig.selfIndex())) {
                continue;
            }
            names.add(method ? p.name() : sig.functionName(p));
        }
        return names;
    }

    private static List<String> keywordOnly(Signature sig, boolean method) {
        return sig.params().stream().filter(Signature.Param::keywordOnly).filter(p -> !p.name().startsWith("_"))
                .map(p -> method ? p.name() : sig.functionName(p)).toList();
    }

    private static String describe(RealApi.Name real) {
        return String.join(" | ", real.overloads().stream().map(o -> "(" + String.join(", ", o.stream()
                .map(p -> (p.varPositional() ? "*" : p.varKeyword() ? "**" : "") + p.name()).toList()) + ")").toList());
    }
}
