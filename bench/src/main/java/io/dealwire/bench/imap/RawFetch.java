package io.dealwire.bench.imap;

import java.io.IOException;
import java.util.List;

/** Fetches every body of every folder over one connection, one folder after the other: the wire's speed. */
public final class RawFetch {
    /** What a full fetch read. */
    public record Result(long messages, long bytes, double seconds) {
        public double perSecond() {
            return messages / seconds;
        }
    }

    private RawFetch() {
    }

    public static Result fetchAll(String host, int port, String user, String password, List<String> folders) throws IOException {
        long start = System.nanoTime();
        long messages = 0;
        long[] bytes = {0};
        try (var wire = ImapWire.login(host, port, user, password)) {
            for (var folder : folders) {
                if (wire.examine(folder) == 0) continue;
                messages += wire.fetchAllBodies(body -> bytes[0] += body.length);
            }
            wire.logout();
        }
        return new Result(messages, bytes[0], (System.nanoTime() - start) / 1e9);
    }

    /** Every selectable folder with its message count, in LIST order. */
    public static java.util.LinkedHashMap<String, Long> folderSizes(String host, int port, String user, String password) throws IOException {
        var sizes = new java.util.LinkedHashMap<String, Long>();
        try (var wire = ImapWire.login(host, port, user, password)) {
            for (var folder : wire.listFolders()) sizes.put(folder, wire.examine(folder));
            wire.logout();
        }
        return sizes;
    }

    public static List<String> folders(String host, int port, String user, String password) throws IOException {
        try (var wire = ImapWire.login(host, port, user, password)) {
            var folders = wire.listFolders();
            wire.logout();
            return folders;
        }
    }
}
