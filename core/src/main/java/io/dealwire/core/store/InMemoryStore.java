package io.dealwire.core.store;

import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.company.InMemoryCompanyRepository;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.core.contact.InMemoryContactRepository;
import io.dealwire.core.correction.AuditLog;
import io.dealwire.core.correction.IgnoreRuleRepository;
import io.dealwire.core.correction.InMemoryAuditLog;
import io.dealwire.core.correction.InMemoryIgnoreRuleRepository;
import io.dealwire.core.correction.InMemoryPinRepository;
import io.dealwire.core.correction.PinRepository;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.deal.InMemoryDealRepository;
import io.dealwire.core.mailbox.InMemoryMailboxRepository;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.message.InMemoryMessageRepository;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.pipeline.InMemoryPipelineRepository;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.core.user.InMemoryUserRepository;
import io.dealwire.core.user.UserRepository;

/** A {@link Store} held in memory: tests, and a fresh store per labeled case in {@code eval-stages}. */
public final class InMemoryStore implements Store {
    private final MessageRepository messages = new InMemoryMessageRepository();
    private final ContactRepository contacts = new InMemoryContactRepository();
    private final CompanyRepository companies = new InMemoryCompanyRepository();
    private final DealRepository deals = new InMemoryDealRepository();
    private final PipelineRepository pipelines = new InMemoryPipelineRepository();
    private final MailboxRepository mailboxes = new InMemoryMailboxRepository();
    private final UserRepository users = new InMemoryUserRepository();
    private final PinRepository pins = new InMemoryPinRepository();
    private final IgnoreRuleRepository ignoreRules = new InMemoryIgnoreRuleRepository();
    private final AuditLog audit = new InMemoryAuditLog();

    @Override public MessageRepository messages() { return messages; }
    @Override public ContactRepository contacts() { return contacts; }
    @Override public CompanyRepository companies() { return companies; }
    @Override public DealRepository deals() { return deals; }
    @Override public PipelineRepository pipelines() { return pipelines; }
    @Override public MailboxRepository mailboxes() { return mailboxes; }
    @Override public UserRepository users() { return users; }
    @Override public PinRepository pins() { return pins; }
    @Override public IgnoreRuleRepository ignoreRules() { return ignoreRules; }
    @Override public AuditLog audit() { return audit; }

    @Override
    public void commit() {
        // nothing to make durable
    }

    @Override
    public void close() {
    }
}
