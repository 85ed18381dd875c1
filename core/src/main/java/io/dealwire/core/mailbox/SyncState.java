package io.dealwire.core.mailbox;

/** A mailbox's sync state as admins see it. */
public enum SyncState {
    CONNECTING, BACKFILLING, IDLE, ERROR, PAUSED
}
