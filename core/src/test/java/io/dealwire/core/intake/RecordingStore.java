package io.dealwire.core.intake;

import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.core.correction.AuditLog;
import io.dealwire.core.correction.IgnoreRuleRepository;
import io.dealwire.core.correction.PinRepository;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.core.user.UserRepository;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An in-memory store recording every write call reaching its message, contact, company and deal repositories, as
 * "repository.method"; it can refuse one kind of write, or every call to those repositories while it is {@link #down}.
 */
final class RecordingStore implements Store {
    final InMemoryStore inner = new InMemoryStore();
    final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    /** A write refused as unavailable, as "repository.method"; null for none. */
    volatile String failing;
    /** Every call to the recorded repositories is refused as unavailable while set. */
    volatile boolean down;

    @SuppressWarnings("unchecked")
    private <T> T recorded(Class<T> type, String name, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            String call = name + "." + method.getName();
            if (down) throw new StoreUnavailableException("test store is down");
            if (method.getName().startsWith("save")) {
                if (call.equals(failing)) throw new StoreUnavailableException("test store refuses " + call);
                writes.add(call);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** How many times a call was recorded. */
    long count(String call) {
        synchronized (writes) {
            return writes.stream().filter(call::equals).count();
        }
    }

    final MessageRepository messages = recorded(MessageRepository.class, "messages", inner.messages());
    final ContactRepository contacts = recorded(ContactRepository.class, "contacts", inner.contacts());
    final CompanyRepository companies = recorded(CompanyRepository.class, "companies", inner.companies());
    final DealRepository deals = recorded(DealRepository.class, "deals", inner.deals());

    @Override public MessageRepository messages() { return messages; }
    @Override public ContactRepository contacts() { return contacts; }
    @Override public CompanyRepository companies() { return companies; }
    @Override public DealRepository deals() { return deals; }
    @Override public PipelineRepository pipelines() { return inner.pipelines(); }
    @Override public MailboxRepository mailboxes() { return inner.mailboxes(); }
    @Override public UserRepository users() { return inner.users(); }
    @Override public PinRepository pins() { return inner.pins(); }
    @Override public IgnoreRuleRepository ignoreRules() { return inner.ignoreRules(); }
    @Override public AuditLog audit() { return inner.audit(); }
    @Override public void commit() { }
    @Override public void close() { }
}
