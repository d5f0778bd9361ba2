package org.torchglot.repl.jupyter;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A guest's standard input in a kernel: when Python's {@code input()} or R's {@code readline()} reads, it asks
 * the front end with an {@code input_request} on the stdin channel and waits for the reply. A request that does
 * not allow stdin, or an interrupt while waiting, reads as the end of input.
 */
final class StdinInput extends InputStream {

    private final Channel stdin;
    private final String kernelSession;
    private final StreamOutput stdout;
    private volatile Message request;
    private volatile boolean cancelled;
    private byte[] line = new byte[0];
    private int position;

    StdinInput(Channel stdin, String kernelSession, StreamOutput stdout) {
        this.stdin = stdin;
        this.kernelSession = kernelSession;
        this.stdout = stdout;
    }

    /** The execute request now running: input goes to its sender if it allows stdin, else reads end at once. */
    void serve(Message executeRequest) {
        cancelled = false;
        request = executeRequest != null && executeRequest.flag("allow_stdin", false) ? executeRequest : null;
        line = new byte[0];
        position = 0;
    }

    /** Gives up a wait for the front end's reply (an interrupt). */
    void cancel() {
        cancelled = true;
    }

    @Override
    public synchronized int read() {
        if (!fill()) {
            return -1;
        }
        return line[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - position);
        System.arraycopy(line, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - position;
    }

    /** Makes sure a line is at hand, asking the front end for one; false at the end of input. */
    private boolean fill() {
        if (position < line.length) {
            return true;
        }
        Message asking = request;
        if (asking == null || cancelled) {
            return false;
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("prompt", stdout.takePartialLine());
        content.put("password", false);
        stdin.send(asking.child("input_request", kernelSession, content));
        Optional<String> value = awaitReply();
        if (value.isEmpty()) {
            return false;
        }
        line = (value.get() + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    private Optional<String> awaitReply() {
        while (!cancelled) {
            Optional<Message> reply = stdin.receive(100);
            if (reply.isPresent() && reply.get().type().equals("input_reply")) {
                return Optional.of(reply.get().text("value", ""));
            }
        }
        return Optional.empty();
    }
}
