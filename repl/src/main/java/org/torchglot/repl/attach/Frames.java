package org.torchglot.repl.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's attach protocol, spoken over a Unix domain socket between {@link AttachClient}
 * and {@link WarmServer}. Every message is a frame: a type byte, a length, that many bytes.
 *
 * <p>The client opens with {@link #REQUEST}; the server answers {@link #ACCEPTED}, {@link #BUSY}
 * or {@link #DIRECT}. After acceptance the server streams {@link #OUT} and {@link #ERR}, asks for
 * input with {@link #STDIN_WANTED} (the client answers {@link #STDIN}, empty at end of input), and
 * ends with {@link #EXIT}. A client that goes away cancels its script.
 *
 * <p>A REPL is answered with {@link #TERMINAL} instead: the client puts its terminal in raw mode
 * and sends {@link #WINDOW} (its size, first and on every change) and {@link #STDIN} with each
 * keystroke as it comes; the server runs the REPL on a terminal over those frames, streams its
 * screen output as {@link #OUT}, and ends with {@link #EXIT}.
 */
final class Frames {

    /** Bumped whenever the frames change; a server answers {@link #DIRECT} to another version. */
    static final int VERSION = 2;

    static final byte REQUEST = 'Q';
    static final byte ACCEPTED = 'A';
    /** The server runs this REPL behind the client's terminal, relayed keystroke by keystroke. */
    static final byte TERMINAL = 'T';
    /** The client's terminal size: columns and rows, two ints. */
    static final byte WINDOW = 'S';
    /** The server is running another script; the client runs this one itself. */
    static final byte BUSY = 'B';
    /** The server does not take this command (host access, a kernel); the client runs it itself. */
    static final byte DIRECT = 'D';
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte STDIN_WANTED = 'W';
    static final byte STDIN = 'I';
    static final byte EXIT = 'X';

    /** Largest frame either side accepts; a longer one means the peer is not speaking this protocol. */
    private static final int MAX_LENGTH = 16 << 20;

    private Frames() {
    }

    /** A frame read from the peer. */
    record Frame(byte type, byte[] payload) {
        int intPayload() throws IOException {
            return intAt(0);
        }

        /** The big-endian int at byte {@code offset} of the payload; a payload too short for it is malformed. */
        int intAt(int offset) throws IOException {
            if (payload.length < offset + 4) {
                throw new IOException("malformed attach frame '" + (char) type + "' (" + payload.length + " bytes)");
            }
            return ((payload[offset] & 0xff) << 24) | ((payload[offset + 1] & 0xff) << 16)
                    | ((payload[offset + 2] & 0xff) << 8) | (payload[offset + 3] & 0xff);
        }
    }

    static void write(DataOutputStream out, byte type, byte[] payload, int offset, int length) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(length);
            out.write(payload, offset, length);
            out.flush();
        }
    }

    static void write(DataOutputStream out, byte type, byte[] payload) throws IOException {
        write(out, type, payload, 0, payload.length);
    }

    static void writeInt(DataOutputStream out, byte type, int value) throws IOException {
        write(out, type, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /** Sends a terminal size, {@code columns} then {@code rows}. */
    static void writeWindow(DataOutputStream out, int columns, int rows) throws IOException {
        write(out, WINDOW, new byte[] {(byte) (columns >>> 24), (byte) (columns >>> 16), (byte) (columns >>> 8), (byte) columns,
            (byte) (rows >>> 24), (byte) (rows >>> 16), (byte) (rows >>> 8), (byte) rows});
    }

    /** Reads the next frame; throws {@link EOFException} when the peer has gone. */
    static Frame read(DataInputStream in) throws IOException {
        byte type = in.readByte();
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("malformed attach frame (length " + length + ")");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(type, payload);
    }

    /** A list of strings as one payload: count, then each as length and UTF-8 bytes. */
    static byte[] encodeStrings(List<String> strings) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(strings.size());
            for (String s : strings) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);  // NOTE: a ByteArrayOutputStream does not fail.
        }
        return bytes.toByteArray();
    }

    /**
     * Byte streams straight over a socket channel. NOTE: unlike {@code Channels.newInputStream}, a
     * read blocked in one thread does not hold up writes from another (the server reads input
     * while the script writes output).
     */
    static DataInputStream input(SocketChannel channel) {
        return new DataInputStream(new java.io.BufferedInputStream(new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            }
        }));
    }

    static DataOutputStream output(SocketChannel channel) {
        return new DataOutputStream(new java.io.BufferedOutputStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }, 1 << 16));
    }

    static List<String> decodeStrings(byte[] payload) throws IOException {
        var in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        int count = in.readInt();
        if (count < 0 || count > payload.length) {
            throw new IOException("malformed attach request");
        }
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                // NOTE: checked before allocating, so a forged length cannot make the server allocate gigabytes.
                throw new IOException("malformed attach request");
            }
            byte[] utf8 = new byte[length];
            in.readFully(utf8);
            strings.add(new String(utf8, StandardCharsets.UTF_8));
        }
        return strings;
    }
}
