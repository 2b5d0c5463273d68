package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.safety.KillSwitch;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A dashboard on 127.0.0.1 (any free port) over a real SQLite store and kill switch file in a temp
 * directory, with the open guard, the recording trading control and a mutable wall clock.
 */
final class DashboardHarness implements AutoCloseable {

    static final Instant WALL_START = Instant.parse("2024-03-01T06:00:00Z");
    static final String VERSION = "0.1.0-test";
    /** Upbit's minimum order total on the KRW market. */
    static final BigDecimal DUST_BELOW = new BigDecimal("5000");

    final MutableClock clock = new MutableClock(WALL_START);
    final OpenGuard guard = new OpenGuard();
    final RecordingTradingControl control = new RecordingTradingControl();
    final SqliteStateStore store;
    final KillSwitch killSwitch;
    final Settings settings;
    final DashboardServer server;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private DashboardHarness(Path dir, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>();
        env.put("EXCHANGE", "replay");
        env.put("TRADING_SYMBOLS", "BTC/KRW,ETH/KRW");
        env.putAll(environment);
        settings = SettingsLoader.load(Map.of(), env, dir).settings();
        store = SqliteStateStore.open(dir.resolve("state.db"));
        killSwitch = new KillSwitch(dir.resolve("RUN/kill_switch"), clock);
        server = DashboardServer.start(new DashboardSetup(
                "127.0.0.1",
                0,
                guard,
                store,
                killSwitch,
                store::saveSafetyEvent,
                control,
                settings,
                DUST_BELOW,
                clock,
                VERSION));
    }

    static DashboardHarness start(Path dir) {
        return new DashboardHarness(dir, Map.of());
    }

    static DashboardHarness start(Path dir, Map<String, String> environment) {
        return new DashboardHarness(dir, environment);
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    /** Asserts that GET {@code path} answers 200 with JSON equal to {@code expected}. */
    void assertJson(String path, String expected) {
        Answer answer = get(path);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
        try {
            assertThat(answer.json()).as(path).isEqualTo(json.readTree(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST with the CSRF token and a JSON body (none when null). */
    Answer post(String path, String body) {
        HttpRequest.Builder request = request(path).header("X-CSRF-Token", OpenGuard.CSRF_TOKEN);
        if (body == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.url()).resolve(path));
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }

    /** A response: status, headers, body. */
    record Answer(int status, HttpHeaders headers, String body, ObjectMapper mapper) {

        JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
