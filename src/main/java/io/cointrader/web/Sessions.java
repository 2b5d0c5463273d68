package io.cointrader.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's sessions in memory, keyed by the SHA-256 of the session id so the ids themselves are not
 * kept. A session ends after {@code idle} without use or {@code max} after it began; when the store is full,
 * the oldest anonymous session (else the oldest of all) makes room, so a flood of anonymous sessions cannot
 * push out a logged-in one. Thread-safe.
 */
final class Sessions {

    /** One session: {@code key} is the SHA-256 (hex) of its id. */
    record Session(String key, String csrfToken, boolean authenticated, Instant createdAt, Instant lastUsed) {

        /** The audit tag: 8 hex characters of the id's digest, never the id. */
        String tag() {
            return key.substring(0, 8);
        }
    }

    /** A new session and the id to hand out in the cookie (shown once, never stored). */
    record Issued(String id, Session session) {}

    private final Clock clock;
    private final Duration idle;
    private final Duration max;
    private final int capacity;
    private final SecureRandom random;
    // insertion order is creation order, which the eviction relies on
    private final Map<String, Session> byKey = new LinkedHashMap<>();

    Sessions(Clock clock, Duration idle, Duration max, int capacity, SecureRandom random) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
        this.capacity = capacity;
        this.random = random;
    }

    synchronized Issued create(boolean authenticated) {
        Instant now = clock.instant();
        removeExpired(now);
        if (byKey.size() >= capacity) {
            evictOne();
        }
        String id = SecurityTokens.random(random);
        Session session =
                new Session(SecurityTokens.sha256Hex(id), SecurityTokens.random(random), authenticated, now, now);
        byKey.put(session.key(), session);
        return new Issued(id, session);
    }

    /** The live session with this id, its idle time restarted; empty for an unknown or expired id. */
    synchronized Optional<Session> use(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = SecurityTokens.sha256Hex(id);
        Session session = byKey.get(key);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            byKey.remove(key);
            return Optional.empty();
        }
        Session touched = new Session(key, session.csrfToken(), session.authenticated(), session.createdAt(), now);
        byKey.put(key, touched);
        return Optional.of(touched);
    }

    synchronized void remove(String id) {
        if (id != null && !id.isEmpty()) {
            byKey.remove(SecurityTokens.sha256Hex(id));
        }
    }

    synchronized int size() {
        return byKey.size();
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastUsed().plus(idle))
                || !now.isBefore(session.createdAt().plus(max));
    }

    private void removeExpired(Instant now) {
        byKey.values().removeIf(session -> expired(session, now));
    }

    private void evictOne() {
        Iterator<Session> sessions = byKey.values().iterator();
        while (sessions.hasNext()) {
            if (!sessions.next().authenticated()) {
                sessions.remove();
                return;
            }
        }
        Iterator<String> oldest = byKey.keySet().iterator();
        oldest.next();
        oldest.remove();
    }
}
