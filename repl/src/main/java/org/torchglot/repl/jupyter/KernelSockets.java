package org.torchglot.repl.jupyter;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The five sockets of a kernel, bound to the connection file's ports: shell and control (ROUTER) for
 * requests, iopub (PUB) for output and status, stdin (ROUTER) for input requests, and heartbeat (REP),
 * which a thread of its own echoes back so clients see the kernel alive even while it computes.
 */
final class KernelSockets implements AutoCloseable {

    private final ZContext zmq = new ZContext();
    private final Channel shell;
    private final Channel control;
    private final Channel iopub;
    private final Channel stdin;
    private final Thread heartbeat;
    private volatile boolean open = true;

    KernelSockets(ConnectionInfo connection) {
        WireCodec codec = new WireCodec(new MessageSigner(connection.key()));
        shell = new Channel("shell", bind(SocketType.ROUTER, connection.endpoint(connection.shellPort())), codec);
        control = new Channel("control", bind(SocketType.ROUTER, connection.endpoint(connection.controlPort())), codec);
        iopub = new Channel("iopub", bind(SocketType.PUB, connection.endpoint(connection.iopubPort())), codec);
        stdin = new Channel("stdin", bind(SocketType.ROUTER, connection.endpoint(connection.stdinPort())), codec);
        ZMQ.Socket beat = bind(SocketType.REP, connection.endpoint(connection.heartbeatPort()));
        heartbeat = Thread.ofPlatform().daemon().name("jupyter-heartbeat").start(() -> echo(beat));
    }

    Channel shell() {
        return shell;
    }

    Channel control() {
        return control;
    }

    Channel iopub() {
        return iopub;
    }

    Channel stdin() {
        return stdin;
    }

    private ZMQ.Socket bind(SocketType type, String endpoint) {
        ZMQ.Socket socket = zmq.createSocket(type);
        // NOTE: without a linger limit, closing would wait for ever on a message no client takes.
        socket.setLinger(1000);
        socket.bind(endpoint);
        return socket;
    }

    private void echo(ZMQ.Socket beat) {
        beat.setReceiveTimeOut(200);
        while (open) {
            byte[] ping = beat.recv();
            if (ping != null) {
                beat.send(ping);
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            heartbeat.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        zmq.close();
    }
}
