package org.torchglot.bindings.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which real names are in torchglot's MLP scope: the reviewed rules of {@code tools/fixtures/api/scope.rules}
 * ({@code in|out NAMESPACES REGEX reason}), first match wins, unmatched names are in scope. NAMESPACES is a
 * comma-separated list, {@code *} for all, or {@code TORCH} for every PyTorch and R torch namespace. A list
 * ending in {@code @js} ({@code Tensor@js}) makes a rule about one language only: the name stays in scope, but
 * that language is not expected to have it (Tensor.numpy: there is no numpy in JavaScript).
 */
public final class ScopeRules {

    private static final String TORCH = "torch,Tensor,torch.nn,torch.nn.functional,torch.optim,torch.optim.lr_scheduler,"
            + "torch.utils.data,torch.linalg,torch.autograd,rtorch";

    private record Rule(boolean in, Set<String> namespaces, String language, Pattern pattern, String reason, int line) {
        boolean matches(String namespace, String name) {
            return (namespaces.contains("*") || namespaces.contains(namespace)) && pattern.matcher(name).matches();
        }
    }

    private final List<Rule> rules;

    private ScopeRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** Reads {@code root}/tools/fixtures/api/scope.rules. */
    public static ScopeRules load(Path root) {
        Path file = root.resolve(RealApi.DIRECTORY).resolve("scope.rules");
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scope rules " + file, e);
        }
    }

    static ScopeRules parse(List<String> lines, String fileName) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 4);
            if (parts.length < 4 || !(parts[0].equals("in") || parts[0].equals("out"))) {
                throw new IllegalStateException(fileName + ":" + (i + 1) + ": expected `in|out NAMESPACES REGEX reason`");
            }
            String[] namespacesAndLanguage = parts[1].split("@", 2);
            String language = namespacesAndLanguage.length > 1 ? namespacesAndLanguage[1] : null;
            rules.add(new Rule(parts[0].equals("in"), Set.of(namespacesAndLanguage[0].replace("TORCH", TORCH).split(",")),
                    language, Pattern.compile(parts[2]), parts[3], i + 1));
        }
        return new ScopeRules(List.copyOf(rules));
    }

    /** Why a name is out of scope, or empty when it is in scope. */
    public Optional<String> outOfScope(String namespace, String name) {
        return outOfScopeIn(null, namespace, name);
    }

    /** Why one language (its tag in the rules, e.g. {@code js}) is not expected to have an in-scope name, or empty. */
    public Optional<String> outOfScopeIn(String language, String namespace, String name) {
        for (Rule rule : rules) {
            if (java.util.Objects.equals(rule.language(), language) && rule.matches(namespace, name)) {
                return rule.in() ? Optional.empty() : Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }
}
