package io.dealwire.ingest.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/** Reads the shared mail corpus (../shared/corpus) as raw messages, streaming through xz without unpacking to disk. */
final class CorpusFiles {
    private CorpusFiles() {
    }

    /** The shared corpus folder, found from the working directory upwards, or null. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }

    static boolean available() {
        return root() != null && Files.isDirectory(root().resolve("mime-edge"));
    }

    static boolean xzAvailable() {
        try {
            return new ProcessBuilder("xz", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Process xz(Path file) throws IOException {
        return new ProcessBuilder("xz", "-dc", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Calls {@code each} with (name, bytes) for every {@code every}-th regular file of a tar stream, at most {@code limit}. */
    static int tarEntries(InputStream tar, int every, int limit, BiConsumer<String, byte[]> each) throws IOException {
        byte[] header = new byte[512];
        int files = 0;
        int taken = 0;
        while (taken < limit && tar.readNBytes(header, 0, 512) == 512) {
            if (header[0] == 0) break; // end-of-archive block
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) name = prefix + "/" + name;
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
            byte type = header[156];
            long padded = (size + 511) / 512 * 512;
            boolean regular = type == '0' || type == 0;
            if (regular && files++ % every == 0) {
                byte[] content = tar.readNBytes((int) size);
                tar.skipNBytes(padded - size);
                each.accept(name, content);
                taken++;
            } else {
                tar.skipNBytes(padded);
            }
        }
        return taken;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    /** Calls {@code each} with every {@code every}-th message of an mboxrd stream (at most {@code limit}), ">From " quoting undone. */
    static int mboxrdMessages(InputStream in, int every, int limit, java.util.function.Consumer<byte[]> each) throws IOException {
        var input = new LineReader(in);
        var current = new ByteArrayOutputStream();
        int index = -1;
        int taken = 0;
        byte[] line;
        boolean keep = false;
        while ((line = input.next()) != null) {
            if (startsWith(line, 0, "From ")) {
                if (keep) {
                    each.accept(current.toByteArray());
                    taken++;
                    if (taken >= limit) return taken;
                }
                current.reset();
                index++;
                keep = index % every == 0;
                continue;
            }
            if (!keep) continue;
            int quotes = 0;
            while (quotes < line.length && line[quotes] == '>') quotes++;
            if (quotes > 0 && startsWith(line, quotes, "From ")) current.write(line, 1, line.length - 1);
            else current.write(line, 0, line.length);
        }
        if (keep) {
            each.accept(current.toByteArray());
            taken++;
        }
        return taken;
    }

    private static boolean startsWith(byte[] line, int offset, String prefix) {
        if (line.length - offset < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (line[offset + i] != prefix.charAt(i)) return false;
        return true;
    }

    /** Reads LF-terminated lines of bytes from an unsynchronised buffer (byte-at-a-time stream reads are slow). */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line including its LF, or null at the end. */
        byte[] next() throws IOException {
            ByteArrayOutputStream out = null;
            while (true) {
                if (pos == len) {
                    len = in.read(buf);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return out == null || out.size() == 0 ? null : out.toByteArray();
                    }
                }
                int start = pos;
                while (pos < len && buf[pos] != '\n') pos++;
                boolean eol = pos < len;
                if (eol) pos++;
                if (out == null && eol) return java.util.Arrays.copyOfRange(buf, start, pos);
                if (out == null) out = new ByteArrayOutputStream(256);
                out.write(buf, start, pos - start);
                if (eol) return out.toByteArray();
            }
        }
    }
}
