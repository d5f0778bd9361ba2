package org.torchglot.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip archive laid out byte for byte as PyTorch's {@code PyTorchStreamWriter} does: stored records whose
 * data starts on a 64-byte boundary (padding in an {@code FB} extra field of {@code Z}s, so PyTorch can mmap
 * them), a data descriptor after each record, then the central directory and zip64 end records.
 */
final class ZipArchiveWriter {
    static final int ALIGNMENT = 64;
    private static final int FLAGS = 0x0808;

    /** Produces a record's bytes into the archive. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Written(byte[] name, long crc, long size, long headerOffset) {
    }

    private final Counting out;
    private final String prefix;
    private final List<Written> written = new ArrayList<>();

    /** Records are named {@code <archiveName>/<name>}. */
    ZipArchiveWriter(OutputStream out, String archiveName) {
        this.out = new Counting(out);
        this.prefix = archiveName + "/";
    }

    void writeRecord(String name, byte[] data) throws IOException {
        writeRecord(name, sink -> sink.write(data));
    }

    void writeRecord(String name, Body body) throws IOException {
        byte[] fullName = (prefix + name).getBytes(StandardCharsets.UTF_8);
        long headerOffset = out.count;
        int padding = padding(headerOffset, fullName.length);
        writeInt(0x04034b50);
        writeShort(0);
        writeShort(FLAGS);
        writeShort(0);
        writeShort(0);
        writeShort(0);
        writeInt(0);
        writeInt(0);
        writeInt(0);
        writeShort(fullName.length);
        writeShort(4 + padding);
        out.write(fullName);
        out.write('F');
        out.write('B');
        writeShort(padding);
        for (int i = 0; i < padding; i++) {
            out.write('Z');
        }
        long start = out.count;
        out.crc.reset();
        out.crcOn = true;
        body.writeTo(out);
        out.crcOn = false;
        long size = out.count - start;
        if (size >= 0xFFFFFFFFL || headerOffset >= 0xFFFFFFFFL) {
            throw new IOException("archives over 4 GB are not supported");
        }
        long crc = out.crc.getValue();
        writeInt(0x08074b50);
        writeInt(crc);
        writeInt(size);
        writeInt(size);
        written.add(new Written(fullName, crc, size, headerOffset));
    }

    /** Writes the central directory and the end records; the stream is left open. */
    void finish() throws IOException {
        long cdOffset = out.count;
        for (Written w : written) {
            writeInt(0x02014b50);
            writeShort(0);
            writeShort(0);
            writeShort(FLAGS);
            writeShort(0);
            writeShort(0);
            writeShort(0);
            writeInt(w.crc);
            writeInt(w.size);
            writeInt(w.size);
            writeShort(w.name.length);
            writeShort(0);
            writeShort(0);
            writeShort(0);
            writeShort(0);
            writeInt(0);
            writeInt(w.headerOffset);
            out.write(w.name);
        }
        long cdSize = out.count - cdOffset;
        long zip64Offset = out.count;
        writeInt(0x06064b50);
        writeLong(44);
        writeShort(0x031e);
        writeShort(0x002d);
        writeInt(0);
        writeInt(0);
        writeLong(written.size());
        writeLong(written.size());
        writeLong(cdSize);
        writeLong(cdOffset);
        writeInt(0x07064b50);
        writeInt(0);
        writeLong(zip64Offset);
        writeInt(1);
        writeInt(0x06054b50);
        writeShort(0);
        writeShort(0);
        writeShort(written.size());
        writeShort(written.size());
        writeInt(cdSize);
        writeInt(cdOffset);
        writeShort(0);
        out.flush();
    }

    /** PyTorch's getPadding: bytes of 'Z' that make the record's data start on a 64-byte boundary. */
    private static int padding(long headerOffset, int nameLength) {
        long start = headerOffset + 30 + nameLength + 4;
        return (int) ((ALIGNMENT - start % ALIGNMENT) % ALIGNMENT);
    }

    private void writeShort(int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private void writeInt(long v) throws IOException {
        writeShort((int) (v & 0xFFFF));
        writeShort((int) ((v >>> 16) & 0xFFFF));
    }

    private void writeLong(long v) throws IOException {
        writeInt(v & 0xFFFFFFFFL);
        writeInt(v >>> 32);
    }

    /** Counts bytes written and, while a record's body is written, its CRC-32. */
    private static final class Counting extends OutputStream {
        private final OutputStream target;
        private final CRC32 crc = new CRC32();
        private boolean crcOn;
        private long count;

        Counting(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            if (crcOn) {
                crc.update(b);
            }
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            if (crcOn) {
                crc.update(b, off, len);
            }
            count += len;
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
