package org.torchglot.repl.attach;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client asks the warm server to run: the launcher's arguments, run as if from {@code
 * workingDirectory}, with standard input a terminal or not (which decides between REPL and stdin).
 *
 * @param terminalType the client's {@code TERM} when it offers to relay its terminal to a REPL ({@link
 *     Frames#TERMINAL}), else empty: the server then leaves a REPL to a direct run
 * @param home the client's home directory, where the REPL keeps its history
 */
record AttachRequest(String workingDirectory, boolean stdinIsTerminal, List<String> arguments, String terminalType,
                     String home) {

    /** A request that offers no terminal (a script, or a client that cannot relay one). */
    AttachRequest(String workingDirectory, boolean stdinIsTerminal, List<String> arguments) {
        this(workingDirectory, stdinIsTerminal, arguments, "", System.getProperty("user.home"));
    }

    /** Whether the client relays its terminal, so the server may run a REPL for it. */
    boolean relaysTerminal() {
        return stdinIsTerminal && !terminalType.isEmpty();
    }

    byte[] encode() {
        List<String> strings = new ArrayList<>();
        strings.add(Integer.toString(Frames.VERSION));
        strings.add(workingDirectory);
        strings.add(Boolean.toString(stdinIsTerminal));
        strings.add(terminalType);
        strings.add(home);
        strings.addAll(arguments);
        return Frames.encodeStrings(strings);
    }

    /** Decodes a request; a request of another protocol version yields {@code null}. */
    static AttachRequest decode(byte[] payload) throws IOException {
        List<String> strings = Frames.decodeStrings(payload);
        if (strings.size() < 5 || !strings.get(0).equals(Integer.toString(Frames.VERSION))) {
            return null;
        }
        return new AttachRequest(strings.get(1), Boolean.parseBoolean(strings.get(2)),
                List.copyOf(strings.subList(5, strings.size())), strings.get(3), strings.get(4));
    }
}
