package io.dealwire.store.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The backend the embedded server answers with: forwards to the current H2 backend, which can be swapped
 * for one reopened on the same file, and refuses every data command while the store is down.
 *
 * <p>A refusal is the server error 91 ({@code ShutdownInProgress}): the MongoDB driver raises it as a
 * {@code MongoNodeIsRecoveringException}, which {@code StoreGuard} already reports as
 * {@code StoreUnavailableException} (API 503, pollers back off). The handshake and ping still pass, so the
 * driver keeps the server selectable and the first command after the reopen succeeds.
 *
 * <p>A dynamic proxy rather than a class implementing {@link MongoBackend}: the interface names Netty's
 * channel type, which is only a runtime dependency of the server.
 */
final class GatedBackend implements InvocationHandler {
    /** ShutdownInProgress: one of the codes the driver reads as "node is recovering". */
    static final int UNAVAILABLE_CODE = 91;
    private static final Set<String> HANDSHAKE = Set.of("hello", "ismaster", "ping", "buildinfo", "getlasterror",
            "endsessions", "whatsmyuri", "getfreemonitoringstatus", "getparameter", "serverstatus");
    /** Methods that read or write data: refused while the store is down. */
    private static final Set<String> DATA = Set.of("handleCommand", "handleQuery", "handleMessage", "dropDatabase", "resolveDatabase");

    private volatile MongoBackend delegate;
    /** Null while the store may be used, else why it may not (said in every refusal). */
    private final Supplier<String> refusal;
    private final Runnable onFailure;
    private final boolean closesDelegate;
    private final MongoBackend proxy;

    /**
     * @param refusal        why data commands are refused now, or null when they may pass
     * @param onFailure      told when a command failed, so that a store closed under it is noticed at once
     * @param closesDelegate whether closing the server closes the backend (not for the short-lived recovery server)
     */
    private GatedBackend(MongoBackend delegate, Supplier<String> refusal, Runnable onFailure, boolean closesDelegate) {
        this.delegate = delegate;
        this.refusal = refusal;
        this.onFailure = onFailure;
        this.closesDelegate = closesDelegate;
        this.proxy = (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[]{MongoBackend.class}, this);
    }

    static GatedBackend over(MongoBackend delegate, Supplier<String> refusal, Runnable onFailure) {
        return new GatedBackend(delegate, refusal, onFailure, true);
    }

    /** Always open, and leaves {@code delegate} open when its server shuts down. */
    static GatedBackend borrowing(MongoBackend delegate) {
        return new GatedBackend(delegate, () -> null, () -> { }, false);
    }

    /** The backend to give the server. */
    MongoBackend backend() {
        return proxy;
    }

    /** Serves {@code next} from now on and returns the previous backend (the caller disposes of it). */
    MongoBackend swap(MongoBackend next) {
        var previous = delegate;
        delegate = next;
        return previous;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "close":
                if (closesDelegate) delegate.close();
                return null;
            case "version":
                delegate.version((de.bwaldvogel.mongo.MongoVersion) args[0]);
                return proxy;
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "gated " + delegate;
            default:
                break;
        }
        boolean data = DATA.contains(name) && !isHandshake(name, args);
        if (data) {
            String why = refusal.get();
            if (why != null) throw refused(why, null);
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            var cause = e.getCause();
            if (data && cause instanceof RuntimeException) {
                // H2 closes its store for good when a write fails (disk full): the failure that closed it
                // would reach the client as an "unknown error" unless it is reported as "unavailable" too.
                onFailure.run();
                String why = refusal.get();
                if (why != null) throw refused(why, cause);
            }
            throw cause;
        }
    }

    private static MongoServerError refused(String why, Throwable cause) {
        var error = new MongoServerError(UNAVAILABLE_CODE, "ShutdownInProgress", why, cause);
        // expected while the store is down, and the store logs the failure once: not a stack trace per command
        error.setLogError(false);
        return error;
    }

    private static boolean isHandshake(String method, Object[] args) {
        String command = switch (method) {
            case "handleCommand" -> (String) args[2];
            case "handleQuery" -> firstKey(((MongoQuery) args[0]).getQuery());
            case "handleMessage" -> firstKey(((MongoMessage) args[0]).getDocument());
            default -> null;
        };
        return command != null && HANDSHAKE.contains(command.toLowerCase(Locale.ROOT));
    }

    private static String firstKey(Document document) {
        return document == null || document.isEmpty() ? null : document.keySet().iterator().next();
    }
}
