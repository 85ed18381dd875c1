package io.dealwire.bench.stats;

import io.dealwire.bench.http.KeepAliveConnection;

import java.time.Duration;

/**
 * {@link LoadDriver}'s closed loop with each client on its own {@link KeepAliveConnection}; a connection that
 * failed is reopened by its next request.
 */
public final class KeepAliveLoad {
    private KeepAliveLoad() {
    }

    public static LoadDriver.Run run(int port, byte[] request, int clients, int maxRequests, Duration maxTime) throws InterruptedException {
        return LoadDriver.run(() -> {
            var connection = new KeepAliveConnection(port);
            return new LoadDriver.Client() {
                @Override
                public int send(int i) throws Exception {
                    return connection.send(request);
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        }, clients, maxRequests, maxTime, () -> true);
    }
}
