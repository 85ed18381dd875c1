package io.dealwire.ingest.sync;

import io.dealwire.core.mailbox.SyncState;

import java.time.Instant;

/**
 * What the sync service knows about a mailbox right now (the durable state and per-folder
 * checkpoints are in the {@code MailboxRepository}).
 *
 * @param running      a sync thread is running for it
 * @param lastPass     when the last pass finished, or null
 * @param lastSummary  what the last pass did, or null
 * @param fetchedSinceStart messages fetched since the service started this mailbox
 */
public record MailboxStatus(String mailboxId, boolean running, SyncState state, String lastError, Instant lastPass,
                            PassSummary lastSummary, long fetchedSinceStart) {
}
