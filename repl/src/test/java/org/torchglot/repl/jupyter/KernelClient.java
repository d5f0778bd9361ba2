package org.torchglot.repl.jupyter;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A minimal Jupyter client over JeroMQ, as jupyter_client connects: DEALER to shell, control and stdin, SUB to iopub. */
final class KernelClient implements AutoCloseable {

    final ConnectionInfo connection;
    private final ZContext zmq = new ZContext();
    private final Channel shell;
    private final Channel control;
    private final Channel stdin;
    private final Channel iopub;
    private final ZMQ.Socket heartbeat;
    private final ZMQ.Socket rawShell;
    private final String session = "test-client";
    private final List<Message> received = new ArrayList<>();

    KernelClient(String key) {
        connection = new ConnectionInfo("tcp", "127.0.0.1", freePort(), freePort(), freePort(), freePort(), freePort(), key,
                "hmac-sha256");
        WireCodec codec = new WireCodec(new MessageSigner(key));
        byte[] identity = "test-client-identity".getBytes();
        rawShell = connect(SocketType.DEALER, connection.shellPort(), identity);
        shell = new Channel("shell", rawShell, codec);
        control = new Channel("control", connect(SocketType.DEALER, connection.controlPort(), null), codec);
        stdin = new Channel("stdin", connect(SocketType.DEALER, connection.stdinPort(), identity), codec);
        ZMQ.Socket sub = connect(SocketType.SUB, connection.iopubPort(), null);
        sub.subscribe(new byte[0]);
        iopub = new Channel("iopub", sub, codec);
        heartbeat = connect(SocketType.REQ, connection.heartbeatPort(), null);
    }

    private ZMQ.Socket connect(SocketType type, int port, byte[] identity) {
        ZMQ.Socket socket = zmq.createSocket(type);
        socket.setLinger(0);
        if (identity != null) {
            socket.setIdentity(identity);
        }
        socket.connect(connection.endpoint(port));
        return socket;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request on shell and returns it (its header's msg_id names the replies and output). */
    Message request(String type, Map<String, Object> content) {
        return send(shell, type, content);
    }

    Message requestOnControl(String type, Map<String, Object> content) {
        return send(control, type, content);
    }

    /** Sends frames as they are, for tests of what the kernel drops. */
    void sendRaw(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            rawShell.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    Message execute(String code) {
        return execute(code, Map.of());
    }

    Message execute(String code, Map<String, Object> options) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("code", code);
        content.put("silent", false);
        content.put("store_history", true);
        content.put("user_expressions", Map.of());
        content.put("allow_stdin", false);
        content.put("stop_on_error", true);
        content.putAll(options);
        return request("execute_request", content);
    }

    private Message send(Channel channel, String type, Map<String, Object> content) {
        Message message = new Message(List.of(), Message.header(type, session), Map.of(), Map.of(), new LinkedHashMap<>(content));
        channel.send(message);
        return message;
    }

    Message shellReply(Duration timeout) {
        return await(shell, timeout, "a shell reply");
    }

    Message controlReply(Duration timeout) {
        return await(control, timeout, "a control reply");
    }

    Message stdinRequest(Duration timeout) {
        return await(stdin, timeout, "an input request");
    }

    Optional<Message> shellReplyWithin(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Optional<Message> reply = shell.receive(50);
            if (reply.isPresent()) {
                return reply;
            }
        }
        return Optional.empty();
    }

    void answerInput(Message inputRequest, String value) {
        stdin.send(inputRequest.child("input_reply", session, new LinkedHashMap<>(Map.of("value", value))));
    }

    /** The iopub messages caused by a request, up to its status idle. */
    List<Message> outputOf(Message request, Duration timeout) {
        Object id = request.header().get("msg_id");
        List<Message> messages = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (var it = received.iterator(); it.hasNext(); ) {
                Message next = it.next();
                if (!id.equals(next.parentHeader().get("msg_id"))) {
                    continue;
                }
                it.remove();
                messages.add(next);
                if (next.type().equals("status") && "idle".equals(next.content().get("execution_state"))) {
                    return messages;
                }
            }
            iopub.receive(50).ifPresent(received::add);
        }
        throw new AssertionError("no status idle for " + request.type() + " within " + timeout + "; got " + types(messages));
    }

    /** Whether iopub has announced the request's execution (its execute_input), without consuming anything. */
    boolean sawInput(Message request) {
        Optional<Message> next;
        while ((next = iopub.receive(10)).isPresent()) {
            received.add(next.get());
        }
        return received.stream().anyMatch(m -> m.type().equals("execute_input")
                && request.header().get("msg_id").equals(m.parentHeader().get("msg_id")));
    }

    /** Asks kernel_info until iopub delivers its status: a SUB socket misses what is published before it joins. */
    void awaitIopub(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Message request = request("kernel_info_request", Map.of());
            shellReply(timeout);
            long wait = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < wait) {
                Optional<Message> next = iopub.receive(50);
                if (next.isPresent() && request.header().get("msg_id").equals(next.get().parentHeader().get("msg_id"))) {
                    outputOfRest(request, timeout);
                    return;
                }
            }
        }
        throw new AssertionError("iopub delivered nothing within " + timeout);
    }

    private void outputOfRest(Message request, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Optional<Message> next = iopub.receive(50);
            if (next.isPresent() && request.header().get("msg_id").equals(next.get().parentHeader().get("msg_id"))
                    && "idle".equals(next.get().content().get("execution_state"))) {
                return;
            }
        }
    }

    /** Whether the heartbeat echoes a ping. */
    boolean heartbeatEchoes(Duration timeout) {
        heartbeat.send("ping".getBytes());
        heartbeat.setReceiveTimeOut((int) timeout.toMillis());
        byte[] echo = heartbeat.recv();
        return echo != null && new String(echo).equals("ping");
    }

    static List<String> types(List<Message> messages) {
        return messages.stream().map(Message::type).toList();
    }

    private Message await(Channel channel, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Optional<Message> reply = channel.receive(50);
            if (reply.isPresent()) {
                return reply.get();
            }
        }
        throw new AssertionError("no " + what + " within " + timeout);
    }

    @Override
    public void close() {
        zmq.close();
    }
}
