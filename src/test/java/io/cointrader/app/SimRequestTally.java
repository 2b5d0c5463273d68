package io.cointrader.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.sim.SeenRequest;
import io.cointrader.sim.UpbitSimulator;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The order POSTs and cancel DELETEs the simulator received over a whole crash run. The simulator keeps
 * only its newest requests, so they are collected after every run of the trader.
 */
final class SimRequestTally {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UpbitSimulator sim;
    private final Set<SeenRequest> posts = new LinkedHashSet<>();
    private final Set<SeenRequest> cancels = new LinkedHashSet<>();

    SimRequestTally(UpbitSimulator sim) {
        this.sim = sim;
    }

    void collect() {
        sim.state().requests("/v1/orders").stream()
                .filter(r -> r.method().equals("POST"))
                .forEach(posts::add);
        sim.state().requests("/v1/order").stream()
                .filter(r -> r.method().equals("DELETE"))
                .forEach(cancels::add);
    }

    /**
     * Order POSTs per identifier. The exchange refuses a second order with an identifier it has seen, so
     * a repeated POST would not show as a second order: it is counted here instead.
     */
    Map<String, Long> postsPerIdentifier() {
        collect();
        return perIdentifier(posts, r -> bodyIdentifier(r.body()));
    }

    /** Cancel requests per identifier of the cancelled order. */
    Map<String, Long> cancelsPerIdentifier() {
        collect();
        return perIdentifier(cancels, r -> queryIdentifier(r.rawQuery()));
    }

    /** The identifier of the newest cancel received at or after {@code since}, if any. */
    Optional<String> lastCancelSince(Instant since) {
        collect();
        return List.copyOf(cancels).stream()
                .filter(r -> !r.receivedAt().isBefore(since))
                .reduce((first, second) -> second)
                .map(r -> queryIdentifier(r.rawQuery()));
    }

    private static Map<String, Long> perIdentifier(Set<SeenRequest> requests, Function<SeenRequest, String> id) {
        return requests.stream()
                .map(id)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    }

    private static String bodyIdentifier(String body) {
        try {
            JsonNode id = JSON.readTree(body).get("identifier");
            return id == null ? "(none)" : id.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Client order ids use only {@code [a-z0-9-]}, so the query needs no decoding. */
    static String queryIdentifier(String rawQuery) {
        for (String pair : (rawQuery == null ? "" : rawQuery).split("&")) {
            if (pair.startsWith("identifier=")) {
                return pair.substring("identifier=".length());
            }
        }
        return "(none)";
    }
}
