package io.dealwire.core.linking;

import io.dealwire.core.conversation.Subjects;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.party.Parties;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.Store;

import java.time.Instant;

/** Opens a new deal for a customer at the first stage of the default pipeline, titled after the customer and the subject. */
public final class DealFactory {
    public static final String DEFAULT_PIPELINE = PipelineTemplates.DEFAULT_ID;

    private final Store store;
    private final IdGenerator ids;

    public DealFactory(Store store, IdGenerator ids) {
        this.store = store;
        this.ids = ids;
    }

    /** The default pipeline; a store without one gets the domain brief's default pipeline. */
    public Pipeline pipeline() {
        return store.pipelines().find(DEFAULT_PIPELINE)
                .orElseGet(() -> store.pipelines().save(PipelineTemplates.defaultPipeline()));
    }

    public Deal create(Parties parties, MailMessage mail, String ownerId, Instant at) {
        if (!parties.hasCustomer()) throw new IllegalArgumentException("a deal needs a customer: a company or a person account");
        var pipeline = pipeline();
        var deal = new Deal(ids.next("deal"), title(parties.customerName(), mail.subject()), pipeline.id(), pipeline.firstStage().id(),
                parties.companyId(), parties.companyId() == null ? parties.personContactId() : null, ownerId, 0, null, at, at, false);
        return store.deals().save(deal);
    }

    /** "Acme – Devis licences CRM": the customer's name and the subject without its reply prefixes. */
    public static String title(String customerName, String subject) {
        var s = Subjects.strip(subject);
        if (customerName == null || customerName.isBlank()) return s.isEmpty() ? "New deal" : s;
        return s.isEmpty() ? customerName : customerName + " – " + s;
    }
}
