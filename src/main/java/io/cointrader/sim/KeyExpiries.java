package io.cointrader.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * When each simulated access key expires, read against the simulator's wall clock: all keys are
 * issued together when the simulator is built and live {@link SimulatorConfig#keyLifetime()}, as
 * Upbit keys live a year. Immutable, so thread-safe.
 */
final class KeyExpiries {

    private final Map<String, Instant> expireAt;
    private final Clock wall;

    private KeyExpiries(Map<String, Instant> expireAt, Clock wall) {
        this.expireAt = Map.copyOf(expireAt);
        this.wall = wall;
    }

    static KeyExpiries issuedAt(Set<String> accessKeys, Instant issued, Duration lifetime, Clock wall) {
        Map<String, Instant> out = new HashMap<>();
        accessKeys.forEach(key -> out.put(key, issued.plus(lifetime)));
        return new KeyExpiries(out, wall);
    }

    /** True from the moment the key expires on; false for a key the simulator does not know. */
    boolean expired(String accessKey) {
        Instant end = expireAt.get(accessKey);
        return end != null && !wall.instant().isBefore(end);
    }

    /** The {@code GET /v1/api_keys} body for the caller's own key. */
    ArrayNode listJson(String accessKey) {
        ArrayNode list = SimJson.array();
        Instant end = expireAt.get(accessKey);
        if (end != null) {
            list.addObject().put("access_key", accessKey).put("expire_at", SimJson.kst(end));
        }
        return list;
    }
}
