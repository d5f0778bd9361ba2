package org.torchglot.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;

/**
 * The input as completion sees it: one word, the name path before the cursor ({@code
 * model.fc}, {@code torch.nn.Li}, {@code net$}, {@code :he}), replaced as a whole.
 */
record CodeLine(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {

    /** Splits off the word before {@code cursor}. */
    static CodeLine at(String line, int cursor) {
        int start = cursor;
        while (start > 0 && isWordChar(line.charAt(start - 1))) {
            start--;
        }
        if (start == 1 && line.charAt(0) == ':') {
            start = 0;
        }
        return new CodeLine(line, cursor, line.substring(start, cursor), cursor - start);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    @Override
    public int wordIndex() {
        return 0;
    }

    @Override
    public List<String> words() {
        return List.of(word);
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
        return candidate;
    }

    @Override
    public int rawWordCursor() {
        return wordCursor;
    }

    @Override
    public int rawWordLength() {
        return word.length();
    }
}
