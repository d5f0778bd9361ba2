package org.torchglot.repl.attach;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client asks the warm server to run: the launcher's arguments, run as if from {@code
 * workingDirectory}, with standard input a terminal or not (which decides between REPL and stdin).
 */
record AttachRequest(String workingDirectory, boolean stdinIsTerminal, List<String> arguments) {

    byte[] encode() {
        List<String> strings = new ArrayList<>();
        strings.add(Integer.toString(Frames.VERSION));
        strings.add(workingDirectory);
        strings.add(Boolean.toString(stdinIsTerminal));
        strings.addAll(arguments);
        return Frames.encodeStrings(strings);
    }

    /** Decodes a request; a request of another protocol version yields {@code null}. */
    static AttachRequest decode(byte[] payload) throws IOException {
        List<String> strings = Frames.decodeStrings(payload);
        if (strings.size() < 3 || !strings.get(0).equals(Integer.toString(Frames.VERSION))) {
            return null;
        }
        return new AttachRequest(strings.get(1), Boolean.parseBoolean(strings.get(2)),
                List.copyOf(strings.subList(3, strings.size())));
    }
}
