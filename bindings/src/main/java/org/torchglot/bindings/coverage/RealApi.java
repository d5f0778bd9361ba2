package org.torchglot.bindings.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real APIs torchglot is measured against: PyTorch 1.13's, numpy 1.24's and R torch's public names with
 * their parameters, as {@code tools/fixtures/api_names.py} wrote them to {@code tools/fixtures/api/*.tsv}.
 */
public final class RealApi {

    /** The fixture files, relative to the repository root. */
    public static final Path DIRECTORY = Path.of("tools", "fixtures", "api");

    /** One parameter: its name, and whether it is keyword-only, {@code *args}/{@code **kwargs}, or has a default. */
    public record Param(String name, boolean keywordOnly, boolean varPositional, boolean varKeyword, boolean hasDefault) {
    }

    /** A public name of a namespace, with one parameter list per overload (none for attributes and constants). */
    public record Name(String namespace, String name, String kind, List<List<Param>> overloads) {
    }

    private final Map<String, Map<String, Name>> byNamespace = new LinkedHashMap<>();

    private RealApi() {
    }

    /** Reads every fixture under {@code root}/tools/fixtures/api. */
    public static RealApi load(Path root) {
        RealApi api = new RealApi();
        for (String file : List.of("torch.tsv", "numpy.tsv", "rtorch.tsv")) {
            api.read(root.resolve(DIRECTORY).resolve(file));
        }
        return api;
    }

    private void read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API fixture " + file, e);
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 5) {
                throw new IllegalStateException(file + ": expected 5 tab-separated columns in: " + line);
            }
            Map<String, Name> names = byNamespace.computeIfAbsent(cols[0], k -> new LinkedHashMap<>());
            Name name = names.computeIfAbsent(cols[1], k -> new Name(cols[0], cols[1], cols[2], new ArrayList<>()));
            if (!cols[3].equals("-")) {
                name.overloads().add(parseParams(cols[3]));
            }
        }
    }

    /** Parameters written as {@code input; other=None; *; out=None} (Python's notation, one per "; "). */
    static List<Param> parseParams(String text) {
        List<Param> params = new ArrayList<>();
        boolean keywordOnly = false;
        for (String part : text.isEmpty() ? new String[0] : text.split("; ")) {
            if (part.equals("*")) {
                keywordOnly = true;
            } else if (part.equals("/")) {
                continue;
            } else if (part.startsWith("**")) {
                params.add(new Param(part.substring(2), true, false, true, true));
            } else if (part.startsWith("*")) {
                params.add(new Param(part.substring(1), false, true, false, true));
                keywordOnly = true;
            } else {
                int eq = part.indexOf('=');
                params.add(new Param(eq < 0 ? part : part.substring(0, eq), keywordOnly, false, false, eq >= 0));
            }
        }
        return List.copyOf(params);
    }

    /** The namespaces in fixture order ({@code torch}, {@code Tensor}, ..., {@code numpy}, ..., {@code rtorch}). */
    public List<String> namespaces() {
        return List.copyOf(byNamespace.keySet());
    }

    /** The names of a namespace, in the fixture's (sorted) order. */
    public List<Name> names(String namespace) {
        return List.copyOf(byNamespace.getOrDefault(namespace, Map.of()).values());
    }

    /** One name of a namespace, or null. */
    public Name find(String namespace, String name) {
        return byNamespace.getOrDefault(namespace, Map.of()).get(name);
    }
}
