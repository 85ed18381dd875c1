package io.dealwire.api.mailbox;

import io.dealwire.core.mailbox.Mailbox;

import java.util.List;

/**
 * What the mailbox endpoints need from the sync engine: start and stop a mailbox, and probe a server.
 * A failed probe throws an {@link io.dealwire.api.http.ApiException} whose message says, in plain
 * language, whether the host, the port, TLS or the password is wrong.
 */
public interface SyncControl {
    void start(Mailbox mailbox);

    void stop(String mailboxId);

    List<String> probe(MailboxRequest request);
}
