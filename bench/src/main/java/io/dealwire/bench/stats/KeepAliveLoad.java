package io.dealwire.bench.stats;

import io.dealwire.bench.http.KeepAliveConnection;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@link LoadDriver}'s closed loop with each client on its own {@link KeepAliveConnection}; a connection that
 * failed is reopened by its next request.
 */
public final class KeepAliveLoad {
    private KeepAliveLoad() {
    }

    public static LoadDriver.Run run(int port, byte[] request, int clients, int maxRequests, Duration maxTime) throws InterruptedException {
        return run(port, List.of(request), clients, maxRequests, maxTime, () -> true);
    }

    /** Each client sends the requests in turn (request {@code i % size}), as {@link LoadDriver#run(io.dealwire.bench.http.Api, List, int, int, Duration, BooleanSupplier)} does. */
    public static LoadDriver.Run run(int port, List<byte[]> requests, int clients, int maxRequests, Duration maxTime, BooleanSupplier keepGoing)
            throws InterruptedException {
        return LoadDriver.run(() -> {
            var connection = new KeepAliveConnection(port);
            return new LoadDriver.Client() {
                @Override
                public int send(int i) throws Exception {
                    return connection.send(requests.get(i % requests.size()));
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        }, clients, maxRequests, maxTime, keepGoing);
    }
}
