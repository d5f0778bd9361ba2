package org.torchglot.repl.jupyter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.torchglot.engine.io.Json;

/**
 * The multipart framing of a message: {@code [identities...] <IDS|MSG> signature header parent_header
 * metadata content [buffers...]}. Decoding drops anything malformed, unsigned or mis-signed, as the
 * protocol asks: such a message never reaches the kernel.
 */
final class WireCodec {

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final MessageSigner signer;

    WireCodec(MessageSigner signer) {
        this.signer = signer;
    }

    /** The frames of a message, signed. */
    List<byte[]> encode(Message message) {
        List<byte[]> parts = List.of(json(message.header()), json(message.parentHeader()), json(message.metadata()),
                json(message.content()));
        List<byte[]> frames = new ArrayList<>(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(parts).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(parts);
        return frames;
    }

    /** The message the frames hold, or empty when they are malformed or their signature does not verify. */
    Optional<Message> decode(List<byte[]> frames) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            return Optional.empty();
        }
        List<byte[]> parts = frames.subList(delimiter + 2, delimiter + 6);
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        if (!signer.verifies(signature, parts)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Message(List.copyOf(frames.subList(0, delimiter)), object(parts.get(0)),
                    object(parts.get(1)), object(parts.get(2)), object(parts.get(3))));
        } catch (Json.SyntaxError | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static byte[] json(Map<String, Object> value) {
        return Json.write(value).getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(byte[] frame) throws Json.SyntaxError {
        return (Map<String, Object>) Json.parse(new String(frame, StandardCharsets.UTF_8));
    }
}
