package io.dealwire.bench.http;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection to the service on loopback, used blocking by one client: a GET written as
 * prepared bytes, the answer read to its end. It exists for load drivers on the service's own machine, where
 * {@code java.net.http} spent as much CPU per request as the service (0.5–1.5 ms), time taken from the service
 * being measured; real clients run elsewhere. Understands what Vert.x answers: Content-Length or chunked bodies.
 */
public final class KeepAliveConnection implements AutoCloseable {
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public KeepAliveConnection(int port) {
        this.port = port;
    }

    /** A GET with a bearer token, as the bytes to send. */
    public static byte[] get(int port, String pathAndQuery, String token) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends a prepared request and reads the whole answer; returns its status. After an error the next call reconnects. */
    public int send(byte[] request) throws IOException {
        try {
            return exchange(request);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private int exchange(byte[] request) throws IOException {
        if (socket == null) open();
        out.write(request);
        out.flush();
        var statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + statusLine);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false, close = statusLine.startsWith("HTTP/1.0");
        for (String h; !(h = line()).isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon < 0) continue;
            var name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            var value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) > 0; ) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) { } // trailers
        } else if (length >= 0) {
            skip(length);
        } else {
            close = true; // a body ended by closing the connection
            while (in.read() >= 0) { }
        }
        if (close) close();
        return status;
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private String line() throws IOException {
        var sb = new StringBuilder(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) throw new EOFException("the service closed the connection mid-answer");
            if (b != '\r') sb.append((char) b);
        }
        return sb.toString();
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) throw new EOFException("the service closed the connection mid-body");
                skipped = 1;
            }
            n -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) socket.close();
        socket = null;
    }
}
