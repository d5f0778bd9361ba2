package org.torchglot.repl.jupyter;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks messages as the protocol asks: the hex HMAC-SHA256, under the connection file's key,
 * of the header, parent header, metadata and content frames. An empty key means no signing: the
 * signature is empty and any signature is accepted.
 */
final class MessageSigner {

    private final byte[] key;

    MessageSigner(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether messages are signed at all. */
    boolean signs() {
        return key.length > 0;
    }

    /** The signature of the four frames, in lower-case hex; empty without a key. */
    String sign(List<byte[]> frames) {
        if (!signs()) {
            return "";
        }
        Mac mac = mac();
        frames.forEach(mac::update);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Whether {@code signature} is the frames' signature, compared in constant time; always true without a key. */
    boolean verifies(String signature, List<byte[]> frames) {
        if (!signs()) {
            return true;
        }
        return MessageDigest.isEqual(sign(frames).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
