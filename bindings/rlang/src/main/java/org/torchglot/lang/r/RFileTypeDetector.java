package org.torchglot.lang.r;

import java.nio.charset.Charset;

import com.oracle.truffle.api.TruffleFile;

/** Maps {@code .R} and {@code .r} files to the R language. */
public final class RFileTypeDetector implements TruffleFile.FileTypeDetector {
    @Override
    public String findMimeType(TruffleFile file) {
        String name = file.getName();
        return name != null && (name.endsWith(".R") || name.endsWith(".r")) ? RLanguage.MIME_TYPE : null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return null;
    }
}
