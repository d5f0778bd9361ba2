package org.torchglot.repl.jupyter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One Jupyter message: the routing identities before the {@code <IDS|MSG>} delimiter and the four JSON
 * parts. Maps are JSON objects as {@link org.torchglot.engine.io.Json} reads and writes them.
 */
record Message(List<byte[]> identities, Map<String, Object> header, Map<String, Object> parentHeader,
               Map<String, Object> metadata, Map<String, Object> content) {

    /** The protocol version this kernel speaks. */
    static final String PROTOCOL_VERSION = "5.3";

    /** The message type, e.g. {@code execute_request}. */
    String type() {
        return header.get("msg_type") instanceof String type ? type : "";
    }

    /** The client session that sent it (the {@code session} of its header). */
    String session() {
        return header.get("session") instanceof String session ? session : "";
    }

    /** A field of the content as text, or {@code fallback}. */
    String text(String name, String fallback) {
        return content.get(name) instanceof String s ? s : fallback;
    }

    /** A field of the content as a boolean, or {@code fallback}. */
    boolean flag(String name, boolean fallback) {
        return content.get(name) instanceof Boolean b ? b : fallback;
    }

    /** A field of the content as an int, or {@code fallback}. */
    int number(String name, int fallback) {
        return content.get(name) instanceof Long n ? n.intValue() : fallback;
    }

    /**
     * A new message of {@code type} answering or caused by this one: this message's header becomes its
     * parent header, and it goes to the same identities (replies; iopub ignores them).
     */
    Message child(String type, String kernelSession, Map<String, Object> content) {
        return new Message(identities, header(type, kernelSession), header, new LinkedHashMap<>(), content);
    }

    /** A fresh header: a new id, the time in UTC (ISO 8601), the protocol version. */
    static Map<String, Object> header(String type, String session) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", "torchglot");
        header.put("date", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        header.put("msg_type", type);
        header.put("version", PROTOCOL_VERSION);
        return header;
    }
}
