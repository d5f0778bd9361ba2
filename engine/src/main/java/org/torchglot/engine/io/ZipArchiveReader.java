package org.torchglot.engine.io;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads the stored (uncompressed) records of a zip archive held in memory, as {@code torch.save} writes them.
 * Every offset and length is checked against the file, and each record's CRC-32 is verified, so a truncated or
 * corrupted file fails with a message naming the problem.
 */
final class ZipArchiveReader {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final long MASK32 = 0xFFFFFFFFL;

    private record Entry(String name, long crc, long size, long headerOffset, int method) {
    }

    private final byte[] file;
    private final String source;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    ZipArchiveReader(byte[] file, String source) {
        this.file = file;
        this.source = source;
        readCentralDirectory();
    }

    /** The names of all records, in the order of the central directory. */
    Iterable<String> names() {
        return entries.keySet();
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The offset in the file where a record's bytes begin, after checking its size and CRC. */
    Record record(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw corrupt("missing record " + name);
        }
        if (e.method != 0) {
            throw corrupt("record " + name + " is compressed (method " + e.method + "); torch.save stores records "
                    + "uncompressed");
        }
        long header = e.headerOffset;
        requireRange(header, 30, "local header of " + name);
        if (u32(header) != LOCAL) {
            throw corrupt("bad local header for record " + name);
        }
        long start = header + 30 + u16(header + 26) + u16(header + 28);
        requireRange(start, e.size, "record " + name);
        CRC32 crc = new CRC32();
        crc.update(file, (int) start, (int) e.size);
        if (crc.getValue() != e.crc) {
            throw corrupt("record " + name + " is corrupted (CRC-32 mismatch)");
        }
        return new Record(file, (int) start, (int) e.size);
    }

    /** A record's bytes: {@code length} bytes of {@code file} from {@code offset}. */
    record Record(byte[] file, int offset, int length) {
        byte[] copy() {
            return java.util.Arrays.copyOfRange(file, offset, offset + length);
        }
    }

    private void readCentralDirectory() {
        long eocd = findEndOfCentralDirectory();
        long count = u16(eocd + 10);
        long cdSize = u32(eocd + 12);
        long cdOffset = u32(eocd + 16);
        long locator = eocd - 20;
        if (locator >= 0 && u32(locator) == ZIP64_LOCATOR) {
            long zip64 = u64(locator + 8);
            requireRange(zip64, 56, "zip64 end of central directory");
            if (u32(zip64) != ZIP64_EOCD) {
                throw corrupt("bad zip64 end of central directory record");
            }
            count = u64(zip64 + 32);
            cdSize = u64(zip64 + 40);
            cdOffset = u64(zip64 + 48);
        }
        requireRange(cdOffset, cdSize, "central directory");
        long p = cdOffset;
        for (long i = 0; i < count; i++) {
            requireRange(p, 46, "central directory entry " + i);
            if (u32(p) != CENTRAL) {
                throw corrupt("bad central directory entry " + i);
            }
            int method = u16(p + 10);
            long crc = u32(p + 16);
            long size = u32(p + 24);
            int nameLength = u16(p + 28);
            int extraLength = u16(p + 30);
            int commentLength = u16(p + 32);
            long headerOffset = u32(p + 42);
            requireRange(p + 46, (long) nameLength + extraLength + commentLength, "central directory entry " + i);
            String name = new String(file, (int) p + 46, nameLength, StandardCharsets.UTF_8);
            long[] wide = zip64Extra(p + 46 + nameLength, extraLength, size == MASK32, headerOffset == MASK32);
            entries.put(name, new Entry(name, crc, wide[0] < 0 ? size : wide[0], wide[1] < 0 ? headerOffset : wide[1], method));
            p += 46L + nameLength + extraLength + commentLength;
        }
    }

    /** Sizes and offset that did not fit 32 bits, from the zip64 extra field: {size, offset}, -1 where absent. */
    private long[] zip64Extra(long start, int length, boolean wideSize, boolean wideOffset) {
        long[] out = {-1, -1};
        long p = start;
        while (p + 4 <= start + length) {
            int id = u16(p);
            int size = u16(p + 2);
            if (id == 1) {
                long q = p + 4;
                if (wideSize) {
                    requireRange(q, 16, "zip64 extra field");
                    out[0] = u64(q + 8);
                    q += 16;
                }
                if (wideOffset) {
                    requireRange(q, 8, "zip64 extra field");
                    out[1] = u64(q);
                }
            }
            p += 4 + size;
        }
        return out;
    }

    private long findEndOfCentralDirectory() {
        long last = file.length - 22L;
        for (long p = last; p >= 0 && p >= last - 65535; p--) {
            if (u32(p) == EOCD) {
                return p;
            }
        }
        throw corrupt(file.length >= 2 && (file[0] & 0xFF) == 0x80
                ? "this is a file of the legacy torch.save format (PyTorch before 1.6), which torchglot does not read; "
                        + "re-save it with a current PyTorch"
                : "not a zip archive: the end of its central directory is missing (the file is truncated or not a "
                        + "torch.save file)");
    }

    private void requireRange(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset + length > file.length || length > Integer.MAX_VALUE) {
            throw corrupt(what + " lies outside the file (truncated or corrupted)");
        }
    }

    private int u16(long p) {
        requireRange(p, 2, "zip structure");
        return (file[(int) p] & 0xFF) | (file[(int) p + 1] & 0xFF) << 8;
    }

    private long u32(long p) {
        requireRange(p, 4, "zip structure");
        return (u16(p) | (long) u16(p + 2) << 16) & MASK32;
    }

    private long u64(long p) {
        long value = u32(p) | u32(p + 4) << 32;
        if (value < 0) {
            throw corrupt("zip structure holds an impossible size");
        }
        return value;
    }

    private RuntimeException corrupt(String problem) {
        return FileErrors.corrupt(source, problem);
    }
}
