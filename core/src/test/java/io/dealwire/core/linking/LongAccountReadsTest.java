package io.dealwire.core.linking;

import io.dealwire.core.fixture.TestMail;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.store.Store;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A customer that writes with us every day for years: what the intake reads from the store for each new
 * message must not grow with the account's history (it read the deal's whole mail, several times, per message).
 */
class LongAccountReadsTest {
    private static final int MESSAGES = 600;
    /** Far below the history the last messages arrive with (500 and more on the same deal). */
    private static final int BOUND = 300;

    @Test
    void messagesReadPerNewMessageStayBoundedAsTheAccountGrows() {
        var counted = new ReadCountingStore(new InMemoryStore());
        var own = OwnDomains.of(Set.of("northwind.example"), Set.of("paul@northwind.example"));
        var intake = MessageIntake.withStageRules(counted.store, CrmSettings.of(own),
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC), IdGenerator.sequential());
        var day0 = Instant.parse("2025-01-06T09:00:00Z");
        var reads = new ArrayList<Long>();
        StoredMessage last = null;
        for (int i = 0; i < MESSAGES; i++) {
            boolean theirs = i % 2 == 0;
            var mail = TestMail.id("m" + i)
                    .from(theirs ? "Claire Martin <claire@acme.example>" : "Paul Girard <paul@northwind.example>")
                    .to(theirs ? "Paul Girard <paul@northwind.example>" : "Claire Martin <claire@acme.example>")
                    .subject("Shipment " + i + " schedule")
                    .at(day0.plus(Duration.ofDays(i)).toString())
                    .text("Hello,\nthe trucks for shipment " + i + " leave on Tuesday morning from the north gate.\nRegards")
                    .build();
            long before = counted.read;
            last = intake.accept(mail, new MessageLocation("mb", "INBOX", 1, i + 1, false));
            reads.add(counted.read - before);
        }

        // the account really grew long: (nearly) all of its mail is on one deal
        var deal = last.dealId();
        assertNotNull(deal);
        int dealSize = counted.delegate.messages().findByDeal(deal).size();
        assertTrue(dealSize >= 0.9 * MESSAGES, "one deal holds the account's mail: " + dealSize);

        long lateMax = reads.subList(MESSAGES - 100, MESSAGES).stream().mapToLong(Long::longValue).max().orElseThrow();
        double early = reads.subList(100, 200).stream().mapToLong(Long::longValue).average().orElseThrow();
        double late = reads.subList(MESSAGES - 100, MESSAGES).stream().mapToLong(Long::longValue).average().orElseThrow();
        assertTrue(lateMax <= BOUND, "at most " + BOUND + " messages read for a message arriving after " + dealSize + ", read " + lateMax);
        assertTrue(late <= early + 5, "reads per message do not grow with the history: " + early + " then " + late);
    }

    /** A store that counts every message its message repository hands out (whatever the lookup). */
    private static final class ReadCountingStore {
        final Store delegate;
        final Store store;
        long read;

        ReadCountingStore(Store delegate) {
            this.delegate = delegate;
            var messages = proxy(MessageRepository.class, delegate.messages(), (method, result) -> {
                if (method.getName().startsWith("save")) return result;
                if (result instanceof List<?> list) read += list.size();
                if (result instanceof Optional<?> o && o.isPresent()) read++;
                return result;
            });
            this.store = proxy(Store.class, delegate, (method, result) -> method.getName().equals("messages") ? messages : result);
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, T target, BiFunction<Method, Object, Object> answer) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
                try {
                    return answer.apply(method, method.invoke(target, args));
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }
    }
}
