package io.dealwire.core.store;

import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.core.correction.AuditLog;
import io.dealwire.core.correction.IgnoreRuleRepository;
import io.dealwire.core.correction.PinRepository;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.core.user.UserRepository;

/**
 * Every repository of one store. {@link #commit()} makes all acknowledged writes durable: the embedded
 * store only persists on commit, so ingestion calls it before a folder checkpoint advances.
 */
public interface Store extends AutoCloseable {
    MessageRepository messages();

    ContactRepository contacts();

    CompanyRepository companies();

    DealRepository deals();

    PipelineRepository pipelines();

    MailboxRepository mailboxes();

    UserRepository users();

    // The three repositories below came with corrections; they have defaults only so that adapters written
    // before them still compile. An adapter must override them: intake reads pins and ignore rules on every message.

    /** Conversations people pinned to a deal (corrections the linker honours). */
    default PinRepository pins() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep conversation pins yet: implement Store.pins()");
    }

    /** Senders and domains whose mail is personal and kept out of the CRM. */
    default IgnoreRuleRepository ignoreRules() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep ignore rules yet: implement Store.ignoreRules()");
    }

    /** Traces of erasures and other corrections that remove data; no personal data. */
    default AuditLog audit() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep an audit log yet: implement Store.audit()");
    }

    void commit();

    @Override
    void close();
}
