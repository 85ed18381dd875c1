package io.dealwire.core.id;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Makes ids for the records the CRM creates (contacts, companies, deals…). */
@FunctionalInterface
public interface IdGenerator {

    /** A new id; {@code kind} ("deal", "contact"…) prefixes it so ids say what they name. */
    String next(String kind);

    static IdGenerator random() {
        return kind -> kind + "-" + UUID.randomUUID();
    }

    /** deal-1, contact-2…: repeatable ids for replays and tests. */
    static IdGenerator sequential() {
        var n = new AtomicLong();
        return kind -> kind + "-" + n.incrementAndGet();
    }
}
