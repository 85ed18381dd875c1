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
 */
public record Setup(Path serviceJar, Path work, int imapPort, List<String> folders, int kills, Duration networkFault,
                    Duration storeOutage, Duration timeout, long seed) {
    public static final String IMAP_USER = "enron";
    public static final String IMAP_PASSWORD = "enron";
}
