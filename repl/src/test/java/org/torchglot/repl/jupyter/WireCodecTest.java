package org.torchglot.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Message signing (HMAC-SHA256 as the protocol defines it) and the multipart framing around the delimiter. */
class WireCodecTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signatureIsTheHexHmacOfTheFourJsonFrames() {
        MessageSigner signer = new MessageSigner("secret");
        List<byte[]> parts = List.of(bytes("{\"msg_type\":\"kernel_info_request\"}"), bytes("{}"), bytes("{}"), bytes("{}"));
        // Python: hmac.new(b"secret", header + parent + metadata + content, hashlib.sha256).hexdigest()
        String expected = "da987989801f25e9398e6a2aee42649d93bf7451e56a863c9f755263d32e6ef1";
        assertEquals(expected, signer.sign(parts));
        assertTrue(signer.verifies(expected, parts));
        assertFalse(signer.verifies(expected.replace('d', 'e'), parts));
        assertFalse(signer.verifies("", parts));
    }

    @Test
    void anEmptyKeyMeansNoSigning() {
        MessageSigner signer = new MessageSigner("");
        List<byte[]> parts = List.of(bytes("{}"), bytes("{}"), bytes("{}"), bytes("{}"));
        assertEquals("", signer.sign(parts));
        assertTrue(signer.verifies("", parts));
        assertTrue(signer.verifies("anything", parts));
    }

    @Test
    void framesRoundTripWithIdentitiesBeforeTheDelimiter() {
        WireCodec codec = new WireCodec(new MessageSigner("k3y"));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("code", "print('héllo')\n");
        content.put("silent", false);
        Message message = new Message(List.of(bytes("client-1"), bytes("client-2")), Message.header("execute_request", "s"),
                Map.of(), Map.of(), content);
        List<byte[]> frames = codec.encode(message);
        assertEquals(2 + 1 + 1 + 4, frames.size());
        assertArrayEquals(bytes("client-1"), frames.get(0));
        assertArrayEquals(bytes("<IDS|MSG>"), frames.get(2));
        assertEquals(64, frames.get(3).length);

        Message decoded = codec.decode(frames).orElseThrow();
        assertEquals("execute_request", decoded.type());
        assertEquals("print('héllo')\n", decoded.text("code", null));
        assertEquals(2, decoded.identities().size());
        assertArrayEquals(bytes("client-2"), decoded.identities().get(1));
        assertEquals(message.header().get("msg_id"), decoded.header().get("msg_id"));
    }

    @Test
    void misSignedUnsignedAndMalformedMessagesAreDropped() {
        WireCodec codec = new WireCodec(new MessageSigner("k3y"));
        List<byte[]> frames = codec.encode(new Message(List.of(), Message.header("execute_request", "s"), Map.of(), Map.of(),
                Map.of("code", "1")));

        List<byte[]> tampered = new ArrayList<>(frames);
        tampered.set(tampered.size() - 1, bytes("{\"code\":\"import os\"}"));
        assertTrue(codec.decode(tampered).isEmpty(), "content changed after signing");

        List<byte[]> unsigned = new ArrayList<>(frames);
        unsigned.set(1, new byte[0]);
        assertTrue(codec.decode(unsigned).isEmpty(), "no signature");

        assertTrue(new WireCodec(new MessageSigner("other")).decode(frames).isEmpty(), "signed with another key");
        assertTrue(codec.decode(frames.subList(1, frames.size())).isEmpty(), "no delimiter");
        assertTrue(codec.decode(frames.subList(0, frames.size() - 1)).isEmpty(), "a frame missing");

        WireCodec open = new WireCodec(new MessageSigner(""));
        List<byte[]> notJson = new ArrayList<>(open.encode(new Message(List.of(), Message.header("x", "s"), Map.of(), Map.of(),
                Map.of())));
        notJson.set(notJson.size() - 1, bytes("[1, 2"));
        assertTrue(open.decode(notJson).isEmpty(), "content not JSON");
        notJson.set(notJson.size() - 1, bytes("[1, 2]"));
        assertTrue(open.decode(notJson).isEmpty(), "content not an object");
    }

    @Test
    void connectionFileGivesEndpointsAndKey() {
        ConnectionInfo info = ConnectionInfo.of(Map.of("transport", "tcp", "ip", "127.0.0.1", "shell_port", 5001L,
                "control_port", 5002L, "iopub_port", 5003L, "stdin_port", 5004L, "hb_port", 5005L, "key", "abc",
                "signature_scheme", "hmac-sha256"));
        assertEquals("tcp://127.0.0.1:5001", info.endpoint(info.shellPort()));
        assertEquals("abc", info.key());
        IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConnectionInfo.of(Map.of("shell_port", 1L)));
        assertTrue(missing.getMessage().contains("control_port"), missing.getMessage());
        IllegalArgumentException scheme = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConnectionInfo.of(Map.of("signature_scheme", "hmac-md5")));
        assertTrue(scheme.getMessage().contains("hmac-md5"), scheme.getMessage());
    }
}
