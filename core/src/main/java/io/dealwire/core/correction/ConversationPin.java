package io.dealwire.core.correction;

import java.time.Instant;
import java.util.Objects;

/** A person tied a conversation to a deal: every later message of it goes there, whatever the linker thinks. */
public record ConversationPin(String conversationId, String dealId, String byUserId, Instant at) {
    public ConversationPin {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(dealId, "dealId");
    }
}
