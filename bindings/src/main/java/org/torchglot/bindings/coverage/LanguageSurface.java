package org.torchglot.bindings.coverage;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;

/**
 * The names each language's packages really define, asked of a live context the way a user would look
 * ({@code dir(torch.nn)} in Python, the keys of {@code torch.nn} in JavaScript, {@code ls("package:torch")} in R):
 * whatever a package adds by hand or generates from the op tables is counted once, as users see it.
 */
public final class LanguageSurface {

    private static final String PYTHON = """
            import torch, numpy, torch.nn.functional, torch.optim.lr_scheduler, torch.utils.data
            def _surface():
                spaces = {"torch": torch, "Tensor": torch.Tensor, "torch.nn": torch.nn,
                          "torch.nn.functional": torch.nn.functional, "torch.optim": torch.optim,
                          "torch.optim.lr_scheduler": torch.optim.lr_scheduler, "torch.utils.data": torch.utils.data,
                          "torch.linalg": getattr(torch, "linalg", None), "torch.autograd": torch.autograd,
                          "numpy": numpy, "numpy.ndarray": numpy.ndarray, "numpy.random": numpy.random,
                          "numpy.linalg": getattr(numpy, "linalg", None)}
                return "\\n".join(f"{ns}\\t{n}" for ns, obj in spaces.items() if obj is not None for n in dir(obj))
            _surface()
            """;

    private static final String JS = """
            (() => {
              const torch = require('torch');
              const spaces = {'torch': torch, 'Tensor': torch.Tensor && torch.Tensor.prototype, 'torch.nn': torch.nn,
                'torch.nn.functional': torch.nn && torch.nn.functional, 'torch.optim': torch.optim,
                'torch.optim.lr_scheduler': torch.optim && torch.optim.lr_scheduler,
                'torch.utils.data': torch.utils && torch.utils.data, 'torch.linalg': torch.linalg,
                'torch.autograd': torch.autograd};
              const lines = [];
              for (const [ns, obj] of Object.entries(spaces)) {
                if (obj == null) continue;
                const names = new Set();
                for (let o = obj; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
                  Object.getOwnPropertyNames(o).forEach((n) => names.add(n));
                }
                names.forEach((n) => lines.push(ns + '\\t' + n));
              }
              return lines.join('\\n');
            })()
            """;

    private static final String R = """
            library(torch)
            e <- globalenv()
            while (environmentName(e) != "package:torch") e <- parent.env(e)
            paste(ls(e), collapse = "\\n")
            """;

    private final Map<Language, Map<String, Set<String>>> names = new HashMap<>();

    private LanguageSurface() {
    }

    /** Asks a context that runs Python, JavaScript and R for their names. */
    public static LanguageSurface of(TorchglotContext context) {
        LanguageSurface surface = new LanguageSurface();
        surface.read(Language.PYTHON, context.eval(Language.PYTHON, PYTHON).asString());
        surface.read(Language.JS, context.eval(Language.JS, JS).asString());
        for (String name : context.eval(Language.R, R).asString().split("\n")) {
            surface.names.computeIfAbsent(Language.R, k -> new HashMap<>())
                    .computeIfAbsent("rtorch", k -> new TreeSet<>()).add(name);
        }
        return surface;
    }

    private void read(Language language, String lines) {
        for (String line : lines.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                names.computeIfAbsent(language, k -> new HashMap<>())
                        .computeIfAbsent(line.substring(0, tab), k -> new TreeSet<>()).add(line.substring(tab + 1));
            }
        }
    }

    /** Whether a language defines a name in a namespace; JavaScript may spell it in camelCase. */
    public boolean has(Language language, String namespace, String name) {
        Set<String> defined = names.getOrDefault(language, Map.of()).getOrDefault(namespace, Set.of());
        return defined.contains(name) || (language == Language.JS && defined.contains(camelCase(name)));
    }

    private static String camelCase(String name) {
        return java.util.regex.Pattern.compile("(?<=[a-z0-9])_([a-z])").matcher(name)
                .replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT));
    }
}
