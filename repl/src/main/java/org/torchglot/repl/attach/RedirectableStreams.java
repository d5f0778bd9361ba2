package org.torchglot.repl.attach;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Standard output and input of a context made before its user is known (a {@link ReplContextPool}
 * context): they lead nowhere until {@link #connect} hands them the REPL's terminal.
 */
final class RedirectableStreams {

    private volatile OutputStream target = OutputStream.nullOutputStream();
    private volatile InputStream source = InputStream.nullInputStream();

    /** From now on, output goes to {@code out} and input comes from {@code in}. */
    void connect(OutputStream out, InputStream in) {
        target = out;
        source = in;
    }

    OutputStream out() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                target.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                target.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                target.flush();
            }
        };
    }

    InputStream in() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return source.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return source.read(b, off, len);
            }

            @Override
            public int available() throws IOException {
                return source.available();
            }
        };
    }
}
