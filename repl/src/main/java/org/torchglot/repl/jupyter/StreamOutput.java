package org.torchglot.repl.jupyter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A guest's standard output or error as Jupyter {@code stream} messages: complete lines go out as they are
 * written, so a long loop's prints arrive while it runs; a partial line waits for its end, for {@link #drain()}
 * at the end of the cell, or becomes the prompt of an {@code input()} ({@link #takePartialLine()}).
 */
final class StreamOutput extends OutputStream {

    private final String name;
    private final Publisher publisher;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /**
     * @param name {@code stdout} or {@code stderr}
     */
    StreamOutput(String name, Publisher publisher) {
        this.name = name;
        this.publisher = publisher;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (b == '\n') {
            sendLines();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                sendLines();
                return;
            }
        }
    }

    /** Sends everything written so far, a partial line too. */
    synchronized void drain() {
        send(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
    }

    /** Removes and returns the text after the last line end: what {@code input(prompt)} wrote as its prompt. */
    synchronized String takePartialLine() {
        sendLines();
        String rest = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return rest;
    }

    private void sendLines() {
        byte[] bytes = pending.toByteArray();
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            return;
        }
        send(new String(bytes, 0, end, StandardCharsets.UTF_8));
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
    }

    private void send(String text) {
        if (text.isEmpty()) {
            return;
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", name);
        content.put("text", text);
        publisher.publish("stream", content);
    }
}
