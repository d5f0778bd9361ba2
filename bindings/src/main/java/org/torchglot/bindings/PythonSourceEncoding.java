package org.torchglot.bindings;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PEP 263 as CPython applies it to a script file: without a coding declaration (or a UTF-8 byte order mark) in its
 * first two lines, a {@code .py} file must be UTF-8, and one that is not is a SyntaxError, not text decoded silently.
 */
final class PythonSourceEncoding {

    private static final Pattern DECLARATION = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*[-\\w.]+");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private PythonSourceEncoding() {
    }

    /** CPython's SyntaxError message for {@code bytes} read from {@code fileName}, or empty when the file is acceptable. */
    static Optional<String> undeclaredNonUtf8(byte[] bytes, String fileName) {
        if (startsWithBom(bytes) || declaresEncoding(bytes)) {
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return Optional.empty();
        }
        int offset = in.position();
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return Optional.of("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; "
                .formatted(bytes[offset] & 0xFF, fileName, line) + "see https://peps.python.org/pep-0263/ for details");
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** Whether line 1 or 2 is a coding declaration (read as Latin-1: the declaration itself is ASCII). */
    private static boolean declaresEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n|\r", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            if (DECLARATION.matcher(lines[i]).find()) {
                return true;
            }
        }
        return false;
    }
}
