package io.dealwire.core.user;

/** Reps see their own and shared mailboxes; managers and admins see everything; admins manage. */
public enum Role {
    ADMIN, MANAGER, REP;

    public boolean seesEverything() {
        return this != REP;
    }
}
