package io.dealwire.core.user;

import java.time.Instant;

/** An API token: only its SHA-256 hash is stored; the token itself is shown once when created. */
public record ApiToken(String id, String userId, String hash, String label, Instant createdAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
