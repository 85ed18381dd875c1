package io.dealwire.reliability.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A loopback TCP proxy that injects network faults between a client and its server:
 * <ul>
 *   <li>{@link Mode#PASS}: bytes flow both ways;</li>
 *   <li>{@link Mode#CUT_MID_LITERAL}: the next server reply that opens an IMAP literal ({@code {n}}) larger than
 *       1 KB is forwarded half-way, then the connection is dropped (one cut per call of {@link #cutNextLiteral()});</li>
 *   <li>{@link Mode#STALL}: connections stay open but no byte moves in either direction;</li>
 *   <li>{@link Mode#REFUSE}: the listening port is closed (connection refused) and open connections are dropped.</li>
 * </ul>
 * Bytes are copied on virtual threads, one per direction and connection.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}\r\n");

    public enum Mode { PASS, CUT_MID_LITERAL, STALL, REFUSE }

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile ServerSocket listener;
    private volatile boolean closed;

    public FaultProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        var first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    public int port() {
        return port;
    }

    public int cutsDone() {
        return cuts.get();
    }

    public int connectionsAccepted() {
        return connections.get();
    }

    /** Arms one cut in the middle of the next large literal the server sends. */
    public void cutNextLiteral() {
        mode = Mode.CUT_MID_LITERAL;
    }

    public synchronized void stall() {
        mode = Mode.STALL;
    }

    /** Closes the port and drops every open connection: new connections are refused until {@link #pass()}. */
    public synchronized void refuse() throws IOException {
        mode = Mode.REFUSE;
        var l = listener;
        listener = null;
        if (l != null) l.close();
        dropAll();
    }

    public synchronized void pass() throws IOException {
        mode = Mode.PASS;
        if (listener == null && !closed) listen(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
    }

    public Mode mode() {
        return mode;
    }

    /** Drops every open connection (both sides see a reset or an end of stream). */
    public void dropAll() {
        for (var s : open) closeQuietly(s);
        open.clear();
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        Thread.ofVirtual().name("proxy-accept-" + port).start(() -> {
            while (!socket.isClosed()) {
                try {
                    var client = socket.accept();
                    connections.incrementAndGet();
                    connect(client);
                } catch (IOException e) {
                    if (!socket.isClosed()) LOG.warn("proxy {}: accept failed: {}", port, e.getMessage());
                }
            }
        });
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target, 5000);
        } catch (IOException e) {
            LOG.info("proxy {}: target {} unreachable: {}", port, target, e.getMessage());
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pump(client, server, false));
        Thread.ofVirtual().start(() -> pump(server, client, true));
    }

    private void pump(Socket from, Socket to, boolean fromServer) {
        var buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                while (mode == Mode.STALL && !from.isClosed()) Thread.sleep(50);
                if (fromServer && mode == Mode.CUT_MID_LITERAL) {
                    int cutAt = literalCut(buf, n);
                    if (cutAt >= 0) {
                        out.write(buf, 0, cutAt);
                        out.flush();
                        mode = Mode.PASS;
                        cuts.incrementAndGet();
                        LOG.info("proxy {}: connection cut after {} bytes of a literal", port, cutAt);
                        break;
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a dropped connection ends both pumps; the client under test sees the fault it is meant to see
            LOG.debug("proxy {}: {}", port, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** Where to cut this chunk: half-way into the first literal larger than 1 KB it opens, or -1. */
    private static int literalCut(byte[] buf, int n) {
        var text = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        var m = LITERAL.matcher(text);
        while (m.find()) {
            long size = Long.parseLong(m.group(1));
            if (size < 1024) continue;
            int bodyStart = m.end();
            int available = n - bodyStart;
            if (available <= 1) continue;
            return bodyStart + (int) Math.min(available / 2, size / 2);
        }
        return -1;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("closing a proxied socket: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        var l = listener;
        if (l != null) closeQuietly(l);
        dropAll();
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("closing the proxy port: {}", e.getMessage());
        }
    }
}
