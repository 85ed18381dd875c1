package io.dealwire.bench.imap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The smallest IMAP4rev1 client the benchmarks need: plain-text login on loopback, LIST, EXAMINE, a bulk
 * {@code UID FETCH 1:* BODY.PEEK[]} and APPEND. It talks the wire directly so that it measures what the
 * server and the socket can deliver, with no mail library in between.
 */
public final class ImapWire implements AutoCloseable {
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("\\{(\\d+)\\+?}$");
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    /** One response line with the literals it carried, in order. */
    public record Response(String text, List<byte[]> literals) {
    }

    private ImapWire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 14);
    }

    public static ImapWire login(String host, int port, String user, String password) throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(120_000);
        var wire = new ImapWire(socket);
        var greeting = wire.readLine(null);
        if (!greeting.startsWith("* OK")) throw new IOException("unexpected IMAP greeting: " + greeting);
        wire.command("LOGIN " + quote(user) + " " + quote(password), r -> { });
        return wire;
    }

    /** Every selectable folder LIST returns, INBOX included. */
    public List<String> listFolders() throws IOException {
        var names = new ArrayList<String>();
        command("LIST \"\" \"*\"", r -> {
            if (!r.text().startsWith("* LIST ")) return;
            var flags = r.text().substring(r.text().indexOf('(') + 1, r.text().indexOf(')')).toLowerCase(Locale.ROOT);
            if (flags.contains("\\noselect") || flags.contains("\\nonexistent")) return;
            names.add(r.literals().isEmpty() ? lastAtom(r.text()) : new String(r.literals().getFirst(), StandardCharsets.UTF_8));
        });
        return names;
    }

    /** Opens a folder read-only and returns its message count. */
    public long examine(String folder) throws IOException {
        long[] exists = {0};
        command("EXAMINE " + quote(folder), r -> {
            var t = r.text();
            if (t.startsWith("* ") && t.endsWith(" EXISTS")) exists[0] = Long.parseLong(t.substring(2, t.length() - 7).trim());
        });
        return exists[0];
    }

    /** Fetches every body of the examined folder without setting \Seen; each body goes to {@code sink}. */
    public long fetchAllBodies(Consumer<byte[]> sink) throws IOException {
        long[] n = {0};
        command("UID FETCH 1:* BODY.PEEK[]", r -> {
            if (!r.literals().isEmpty() && r.text().contains(" FETCH ")) {
                n[0]++;
                sink.accept(r.literals().getFirst());
            }
        });
        return n[0];
    }

    /** Appends a message to a folder (the server delivers it as new mail). */
    public void append(String folder, byte[] message) throws IOException {
        var t = nextTag();
        write(t + " APPEND " + quote(folder) + " {" + message.length + "}\r\n");
        out.flush();
        var cont = readLine(null);
        if (!cont.startsWith("+")) throw new IOException("APPEND refused: " + cont);
        out.write(message);
        write("\r\n");
        out.flush();
        awaitTagged(t, r -> { });
    }

    public void logout() throws IOException {
        command("LOGOUT", r -> { });
    }

    private void command(String command, Consumer<Response> untagged) throws IOException {
        var t = nextTag();
        write(t + " " + command + "\r\n");
        out.flush();
        awaitTagged(t, untagged);
    }

    private void awaitTagged(String t, Consumer<Response> untagged) throws IOException {
        while (true) {
            var literals = new ArrayList<byte[]>(1);
            var line = readLine(literals);
            if (line.startsWith(t + " ")) {
                if (!line.startsWith(t + " OK")) throw new IOException("IMAP command failed: " + line);
                return;
            }
            untagged.accept(new Response(line, literals));
        }
    }

    private String nextTag() {
        return "a" + (++tag);
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one logical response line; literals ({@code {n}}) are read into {@code literals} and replaced by a marker. */
    private String readLine(List<byte[]> literals) throws IOException {
        var text = new StringBuilder();
        while (true) {
            var line = readRawLine();
            text.append(line);
            var literal = literals == null ? null : LITERAL.matcher(line);
            if (literal == null || !literal.find()) return text.toString();
            int size = Integer.parseInt(literal.group(1));
            literals.add(in.readNBytes(size));
        }
    }

    private String readRawLine() throws IOException {
        var buf = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') buf.write(c);
        }
        if (c == -1 && buf.size() == 0) throw new IOException("the IMAP server closed the connection");
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static String lastAtom(String listLine) {
        var s = listLine.trim();
        if (s.endsWith("\"")) {
            int start = s.lastIndexOf('"', s.length() - 2);
            return s.substring(start + 1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s.substring(s.lastIndexOf(' ') + 1);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
