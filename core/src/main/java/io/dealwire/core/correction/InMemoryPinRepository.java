package io.dealwire.core.correction;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link PinRepository}. */
public final class InMemoryPinRepository implements PinRepository {
    private final ConcurrentHashMap<String, ConversationPin> byConversation = new ConcurrentHashMap<>();

    @Override
    public Optional<ConversationPin> find(String conversationId) {
        return Optional.ofNullable(byConversation.get(conversationId));
    }

    @Override
    public List<ConversationPin> findByDeal(String dealId) {
        return byConversation.values().stream().filter(p -> p.dealId().equals(dealId))
                .sorted(Comparator.comparing(ConversationPin::conversationId)).toList();
    }

    @Override
    public ConversationPin save(ConversationPin pin) {
        byConversation.put(pin.conversationId(), pin);
        return pin;
    }

    @Override
    public void delete(String conversationId) {
        byConversation.remove(conversationId);
    }
}
