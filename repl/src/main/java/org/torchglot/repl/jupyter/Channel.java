package org.torchglot.repl.jupyter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zeromq.ZMQ;

/**
 * One of the kernel's message sockets (shell, control, stdin, iopub) with the codec that frames and signs its
 * messages. Sending is synchronized, so threads may share a channel (iopub: the evaluation's output and the
 * status around each request); each receiving socket is read by one thread only.
 */
final class Channel {

    private final String name;
    private final ZMQ.Socket socket;
    private final WireCodec codec;

    Channel(String name, ZMQ.Socket socket, WireCodec codec) {
        this.name = name;
        this.socket = socket;
        this.codec = codec;
    }

    String name() {
        return name;
    }

    /** Sends a message as one multipart ZeroMQ message. */
    synchronized void send(Message message) {
        List<byte[]> frames = codec.encode(message);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for a message; empty on timeout, and for a message that is malformed or
     * not signed with the key (it is read and dropped).
     */
    Optional<Message> receive(int timeoutMillis) {
        socket.setReceiveTimeOut(timeoutMillis);
        byte[] first = socket.recv();
        if (first == null) {
            return Optional.empty();
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        socket.setReceiveTimeOut(-1);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return codec.decode(frames);
    }
}
