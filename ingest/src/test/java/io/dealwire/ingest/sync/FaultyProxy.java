package io.dealwire.ingest.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of an IMAP server that can misbehave once: cut the connection, or
 * stall it (stop forwarding without closing), after some bytes of a {@code BODY.PEEK[]} FETCH response.
 */
final class FaultyProxy implements AutoCloseable {
    enum Fault { CUT, STALL }

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Fault armed;
    private volatile long afterBytes;
    final AtomicInteger faults = new AtomicInteger();

    FaultyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next FETCH of message bodies gets this fault after {@code bytes} bytes of its response. */
    void arm(Fault fault, long bytes) {
        this.afterBytes = bytes;
        this.armed = fault;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                var fetching = new boolean[1];
                Thread.ofVirtual().start(() -> pump(client, server, fetching, true));
                Thread.ofVirtual().start(() -> pump(server, client, fetching, false));
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean[] fetching, boolean clientToServer) {
        byte[] buf = new byte[4096];
        long sinceFetch = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (clientToServer) {
                    if (new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains("BODY.PEEK[]")) fetching[0] = true;
                } else if (fetching[0] && armed != null) {
                    sinceFetch += n;
                    if (sinceFetch > afterBytes) {
                        Fault fault = armed;
                        armed = null;
                        faults.incrementAndGet();
                        out.write(buf, 0, (int) Math.min(n, Math.max(0, n - (sinceFetch - afterBytes))));
                        out.flush();
                        if (fault == Fault.CUT) {
                            from.close();
                            to.close();
                            return;
                        }
                        // STALL: keep both sockets open and forward nothing more
                        while (!from.isClosed()) Thread.sleep(100);
                        return;
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed: the other pump ends when its socket closes
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) closeQuietly(s);
    }
}
