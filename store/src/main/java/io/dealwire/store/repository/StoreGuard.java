package io.dealwire.store.repository;

import com.mongodb.MongoClientException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import io.dealwire.core.store.StoreUnavailableException;

import java.util.function.Supplier;

/**
 * Runs store operations and turns the driver's "cannot reach / cannot write now" failures into
 * {@link StoreUnavailableException} naming the store, so that callers handle one type (503, pause the
 * pollers) whatever the driver threw. Other failures (a bug, a malformed document) pass unchanged.
 *
 * @param store what to name in messages: the embedded store's file, or a MongoDB's hosts and database (never credentials)
 */
public record StoreGuard(String store) {
    private static final int SHUTDOWN_IN_PROGRESS = 91;

    public <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public void run(Runnable operation) {
        try {
            operation.run();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public RuntimeException translate(RuntimeException e) {
        if (e instanceof StoreUnavailableException) return e;
        if (isUnavailable(e)) {
            return new StoreUnavailableException(store + " is unavailable: " + firstLine(e.getMessage()), e);
        }
        return e;
    }

    static boolean isUnavailable(RuntimeException e) {
        return e instanceof MongoTimeoutException
                || e instanceof MongoSocketException
                || e instanceof MongoInterruptedException
                || e instanceof MongoNodeIsRecoveringException
                || e instanceof MongoNotPrimaryException
                || e instanceof MongoExecutionTimeoutException
                || e instanceof MongoWriteConcernException
                // ShutdownInProgress: also what the embedded store answers while its file is closed after a failed write
                || e instanceof MongoException m && m.getCode() == SHUTDOWN_IN_PROGRESS
                || e instanceof MongoClientException && String.valueOf(e.getMessage()).contains("closed")
                // the driver's answer once the client is closed
                || e instanceof IllegalStateException && "state should be: open".equals(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) return "no detail";
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
