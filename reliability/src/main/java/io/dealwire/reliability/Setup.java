package io.dealwire.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every scenario is given.
 *
 * @param serviceJar     the built service ({@code api/target/dealwire.jar})
 * @param work           a scratch dir; each scenario makes its own data dir under it
 * @param imapPort       the loopback Dovecot serving the corpus (login {@code enron}/{@code enron})
 * @param folders        the folders each scenario's mailbox syncs
 * @param kills          SIGKILLs of the crash loop
 * @param networkFault   how long the network scenario stalls and refuses
 * @param storeOutage    how long the store scenario cuts MongoDB off
 * @param timeout        bound on each wait for a sync to finish
 * @param seed           seed of the random kill moments (printed, to replay a run)
 * @param load           what the load scenario runs
 */
public record Setup(Path serviceJar, Path work, int imapPort, List<String> folders, int kills, Duration networkFault,
                    Duration storeOutage, Duration timeout, long seed, Load load) {

    /**
     * The load scenario's parameters.
     *
     * @param dovecotScript  {@code ../shared/tools/dovecot/dovecot.sh}: starts the load's own Dovecot on {@code imapPort + 1}
     * @param corpus         the extracted corpus (Maildir tree) the appended messages are taken from
     * @param duration       how long the mailboxes receive mail and the clients call the API
     * @param mailboxes      Dovecot accounts, one Dealwire mailbox each, syncing at once
     * @param clients        API clients calling {@code /api/context} and {@code /api/search}
     * @param appendsPerSecond steady rate of IMAP APPENDs, over all accounts
     * @param seedPerMailbox messages each account holds before the service starts
     */
    public record Load(Path dovecotScript, Path corpus, Duration duration, int mailboxes, int clients, double appendsPerSecond,
                       int seedPerMailbox) {
    }
    public static final String IMAP_USER = "enron";
    public static final String IMAP_PASSWORD = "enron";
}
