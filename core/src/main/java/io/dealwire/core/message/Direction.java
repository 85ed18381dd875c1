package io.dealwire.core.message;

/** Who wrote a message, seen from our company: us to a customer, a customer to us, or among colleagues only. */
public enum Direction {
    INBOUND, OUTBOUND, INTERNAL
}
