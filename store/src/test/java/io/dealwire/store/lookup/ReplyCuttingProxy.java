package io.dealwire.store.lookup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy that, once armed with {@link #cutAfter(int)}, lets requests through but drops the
 * connection as the chosen reply comes back: the server applied the write, the client never hears of it.
 */
final class ReplyCuttingProxy implements AutoCloseable {
    /** Replies still to pass before the cut; negative: not armed. */
    private final java.util.concurrent.atomic.AtomicInteger repliesBeforeCut = new java.util.concurrent.atomic.AtomicInteger(-1);
    private final ServerSocket listener;
    private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();

    ReplyCuttingProxy(int targetPort) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    var client = listener.accept();
                    var server = new Socket("127.0.0.1", targetPort);
                    sockets.add(client);
                    sockets.add(server);
                    Thread.ofVirtual().start(() -> pump(client, server, false));
                    Thread.ofVirtual().start(() -> pump(server, client, true));
                } catch (IOException e) {
                    return; // listener closed
                }
            }
        });
    }

    /** Passes {@code replies} more replies, then cuts the connection carrying the next one. */
    void cutAfter(int replies) {
        repliesBeforeCut.set(replies);
    }

    void disarm() {
        repliesBeforeCut.set(-1);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void pump(Socket from, Socket to, boolean replies) {
        var buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (replies && repliesBeforeCut.getAndUpdate(r -> r < 0 ? r : r - 1) == 0) {
                    from.close();
                    to.close();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close the other
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (var s : sockets) s.close();
    }
}
