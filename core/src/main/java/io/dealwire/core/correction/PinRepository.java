package io.dealwire.core.correction;

import java.util.List;
import java.util.Optional;

/** Conversations people pinned to a deal; one pin per conversation (a new pin replaces the old one). */
public interface PinRepository {
    Optional<ConversationPin> find(String conversationId);

    List<ConversationPin> findByDeal(String dealId);

    ConversationPin save(ConversationPin pin);

    void delete(String conversationId);
}
