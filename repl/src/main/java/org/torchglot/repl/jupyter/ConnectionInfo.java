package org.torchglot.repl.jupyter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.torchglot.engine.io.Json;

/**
 * A Jupyter connection file: where the kernel's five sockets listen and the key that signs messages.
 *
 * @param transport {@code tcp} or {@code ipc}
 * @param ip the address the sockets bind to
 * @param key the HMAC key; empty means messages are not signed
 * @param signatureScheme {@code hmac-sha256}, the only scheme this kernel speaks
 */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int iopubPort, int stdinPort,
                             int heartbeatPort, String key, String signatureScheme) {

    /**
     * Reads a connection file as Jupyter writes it.
     *
     * @throws IllegalArgumentException naming the file when it is unreadable, not JSON, or lacks a port
     */
    public static ConnectionInfo read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the connection file " + file + ": " + e.getMessage());
        }
        try {
            return of(Json.parse(text) instanceof Map<?, ?> map ? map : Map.of());
        } catch (Json.SyntaxError e) {
            throw new IllegalArgumentException("the connection file " + file + " is not JSON: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the connection file " + file + " " + e.getMessage());
        }
    }

    /** The connection described by a parsed connection file. */
    static ConnectionInfo of(Map<?, ?> json) {
        String scheme = string(json, "signature_scheme", "hmac-sha256");
        if (!scheme.equals("hmac-sha256")) {
            throw new IllegalArgumentException("asks for signature scheme " + scheme + "; only hmac-sha256 is supported");
        }
        return new ConnectionInfo(string(json, "transport", "tcp"), string(json, "ip", "127.0.0.1"),
                port(json, "shell_port"), port(json, "control_port"), port(json, "iopub_port"), port(json, "stdin_port"),
                port(json, "hb_port"), string(json, "key", ""), scheme);
    }

    /** The ZeroMQ endpoint of a port: {@code tcp://127.0.0.1:5555}, or {@code ipc://path-5555}. */
    public String endpoint(int port) {
        return transport.equals("ipc") ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }

    private static String string(Map<?, ?> json, String name, String fallback) {
        return json.get(name) instanceof String s ? s : fallback;
    }

    private static int port(Map<?, ?> json, String name) {
        if (json.get(name) instanceof Long port && port >= 0 && port <= 65535) {
            return port.intValue();
        }
        throw new IllegalArgumentException("has no valid " + name);
    }
}
