package io.dealwire.core.store;

import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.contact.ContactRepository;
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

    void commit();

    @Override
    void close();
}
