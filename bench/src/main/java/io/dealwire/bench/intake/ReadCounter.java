package io.dealwire.bench.intake;

import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.store.Store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, per lookup of the message repository, how many messages the store handed back: what the intake reads per
 * message, whatever the machine's speed. Every other call goes straight through.
 */
final class ReadCounter {
    private final Map<String, LongAdder> read = new ConcurrentHashMap<>();

    /** {@code store} with its message reads counted here. */
    Store counting(Store store) {
        var messages = proxy(MessageRepository.class, store.messages(), this::count);
        return proxy(Store.class, store, (method, result) -> method.getName().equals("messages") ? messages : result);
    }

    /** Messages read so far, by lookup. */
    SortedMap<String, Long> counts() {
        var out = new TreeMap<String, Long>();
        read.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long total() {
        return read.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void reset() {
        read.clear();
    }

    private Object count(Method method, Object result) {
        long n = result instanceof List<?> list ? list.size() : result instanceof Optional<?> o && o.isPresent() ? 1 : -1;
        if (n >= 0 && !method.getName().startsWith("save")) read.computeIfAbsent(method.getName(), k -> new LongAdder()).add(n);
        return result;
    }

    private interface Answer {
        Object of(Method method, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            try {
                return answer.of(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
