package io.dealwire.api.session;

import io.dealwire.api.auth.Tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web sessions, kept in memory: a restart logs everyone out, which is acceptable for a self-hosted tool and
 * keeps no session secret on disk. Only a hash of the session id is kept, like API tokens.
 */
public final class Sessions {
    private final Clock clock;
    private final Duration idle;
    private final ConcurrentHashMap<String, Session> byHash = new ConcurrentHashMap<>();

    /** @param csrf the token the web app echoes in {@code X-CSRF-Token} on unsafe requests */
    public record Session(String userId, String csrf, Instant expires) {
    }

    public record Opened(String id, Session session) {
    }

    public Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    public Opened open(String userId) {
        var id = Tokens.generate();
        var session = new Session(userId, Tokens.generate(), clock.instant().plus(idle));
        byHash.put(Tokens.hash(id), session);
        return new Opened(id, session);
    }

    /** The live session for this id, its expiry pushed back; expired sessions are removed. */
    public Optional<Session> find(String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        var hash = Tokens.hash(id);
        var now = clock.instant();
        var s = byHash.computeIfPresent(hash, (k, v) -> v.expires().isBefore(now) ? null : new Session(v.userId(), v.csrf(), now.plus(idle)));
        return Optional.ofNullable(s);
    }

    public void close(String id) {
        if (id != null) byHash.remove(Tokens.hash(id));
    }

    /** Ends every session of a user (their password changed). */
    public void closeAll(String userId) {
        byHash.values().removeIf(s -> s.userId().equals(userId));
    }
}
