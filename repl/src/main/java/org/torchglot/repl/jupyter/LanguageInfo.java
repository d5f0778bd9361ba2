package org.torchglot.repl.jupyter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.torchglot.bindings.Language;

/** What {@code kernel_info} tells front ends about a kernel's language: its name, file type and highlighting. */
final class LanguageInfo {

    private LanguageInfo() {
    }

    /** The {@code language_info} of {@code language}, at the implementation's {@code version}. */
    static Map<String, Object> of(Language language, String version) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name(language));
        info.put("version", version);
        switch (language) {
            case PYTHON -> {
                info.put("mimetype", "text/x-python");
                info.put("file_extension", ".py");
                info.put("pygments_lexer", "ipython3");
                info.put("codemirror_mode", Map.of("name", "ipython", "version", 3L));
                info.put("nbconvert_exporter", "python");
            }
            case R -> {
                info.put("mimetype", "text/x-r-source");
                info.put("file_extension", ".r");
                info.put("pygments_lexer", "r");
                info.put("codemirror_mode", "r");
            }
            case JS -> {
                info.put("mimetype", "application/javascript");
                info.put("file_extension", ".js");
                info.put("pygments_lexer", "javascript");
                info.put("codemirror_mode", "javascript");
            }
        }
        return info;
    }

    /** The language's name as Jupyter and notebooks spell it ({@code python}, {@code R}, {@code javascript}). */
    static String name(Language language) {
        return switch (language) {
            case PYTHON -> "python";
            case R -> "R";
            case JS -> "javascript";
        };
    }
}
