package io.dealwire.store.repository;

import com.mongodb.client.model.Filters;
import io.dealwire.core.correction.ConversationPin;
import io.dealwire.core.correction.PinRepository;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.lookup.SecondaryKey;
import io.dealwire.store.mapping.CorrectionMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.dealwire.store.mapping.CorrectionMapping.PIN_DEAL;
import static io.dealwire.store.repository.MongoMessageRepository.optional;

/** Conversation pins in MongoDB, read by conversation (the {@code _id}) on every message intake. */
public final class MongoPinRepository implements PinRepository {
    public static final SecondaryKey BY_DEAL = new SecondaryKey("deal", List.of(PIN_DEAL),
            d -> optional(d.getString(PIN_DEAL)), v -> Filters.eq(PIN_DEAL, v), List.of(PIN_DEAL));
    public static final List<SecondaryKey> KEYS = List.of(BY_DEAL);

    private final KeyedCollection pins;
    private final StoreGuard guard;

    public MongoPinRepository(KeyedCollection pins, StoreGuard guard) {
        this.pins = pins;
        this.guard = guard;
    }

    @Override
    public Optional<ConversationPin> find(String conversationId) {
        if (conversationId == null) return Optional.empty();
        return guard.call(() -> pins.findByIds(List.of(conversationId)).stream().findFirst().map(CorrectionMapping::pinFromDocument));
    }

    @Override
    public List<ConversationPin> findByDeal(String dealId) {
        return guard.call(() -> pins.find(BY_DEAL, dealId).stream().map(CorrectionMapping::pinFromDocument)
                .sorted(Comparator.comparing(ConversationPin::conversationId)).toList());
    }

    @Override
    public ConversationPin save(ConversationPin pin) {
        guard.run(() -> pins.replace(CorrectionMapping.toDocument(pin)));
        return pin;
    }

    @Override
    public void delete(String conversationId) {
        guard.run(() -> pins.delete(conversationId));
    }
}
