package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.core.IntentState;
import io.cointrader.core.Secret;
import io.cointrader.safety.KillSwitch;
import io.cointrader.safety.KillSwitchStatus;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.testing.MutableClock;
import io.cointrader.testing.RawHttp;
import io.cointrader.web.FuzzRequests.Credentials;
import io.cointrader.web.FuzzRequests.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Two real dashboards on 127.0.0.1 over one SQLite store with an account in it: one behind a master
 * code (logged in once), one without (loopback only). Random requests to every route, with and without
 * a session: no answer is a 5xx, an error answer is {@code {"error": ...}} JSON, no body holds a stack
 * trace or a file from outside the served folders, nothing hangs, and no request changes the trading
 * state (loop started or stopped, kill switch, orders, intents) unless it is a control request with a
 * valid session and CSRF token that was answered 2xx.
 */
class DashboardFuzzProperties {

    static final String CODE = "fuzz-master-code-42";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEAKS =
            List.of("<configuration", "\u00ca\u00fe\u00ba\u00be", "Manifest-Version", "root:x:0:0", "SQLite format 3");

    private record Session(String cookie, String csrf) {}

    private record Snapshot(int starts, int stops, KillSwitchStatus killSwitch, long orders, int open, int intents) {
        boolean ordersOrIntentsDiffer(Snapshot other) {
            return orders != other.orders || open != other.open || intents != other.intents;
        }
    }

    private Path dir;
    private SqliteStateStore store;
    private KillSwitch killSwitch;
    private final RecordingTradingControl control = new RecordingTradingControl();
    private DashboardServer guarded;
    private DashboardServer open;
    private Session guardedSession;
    private Session openSession;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int legitimateChanges;
    private long startNanos;

    @BeforeProperty
    void startDashboards() throws IOException {
        dir = Files.createTempDirectory("dashboard-fuzz");
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T06:00:00Z"));
        Settings settings = SettingsLoader.load(
                        Map.of(), Map.of("EXCHANGE", "replay", "TRADING_SYMBOLS", "BTC/KRW,ETH/KRW"), dir)
                .settings();
        store = SqliteStateStore.open(dir.resolve("state.db"));
        AccountStory.tell(store);
        killSwitch = new KillSwitch(dir.resolve("RUN/kill_switch"), clock);
        // a lock-out limit no fuzz run reaches, so that the session stays reachable; DashboardAttackIT
        // checks the real limits
        SecurityConfig withCode = new SecurityConfig(
                Optional.of(Secret.of(CODE)),
                false,
                Duration.ofMinutes(30),
                Duration.ofHours(12),
                1_000_000,
                1_000_000,
                Duration.ofMinutes(15),
                1000);
        guarded = start(new WebSecurity(withCode, clock), settings, clock);
        open = start(new WebSecurity(SecurityConfig.defaults(Optional.empty()), clock), settings, clock);
        guardedSession = logIn(guarded, true);
        openSession = logIn(open, false);
        startNanos = System.nanoTime();
    }

    private DashboardServer start(AccessGuard guard, Settings settings, java.time.Clock clock) {
        return DashboardServer.start(new DashboardSetup(
                "127.0.0.1",
                0,
                guard,
                store,
                killSwitch,
                store::saveSafetyEvent,
                control,
                settings,
                new java.math.BigDecimal("5000"),
                clock,
                "0.1.0-fuzz"));
    }

    @AfterProperty
    void stopDashboards() throws IOException {
        System.out.printf(
                "dashboard fuzz: %d requests in %.1f s, answers by status %s, %d legitimate state changes%n",
                outcomes.values().stream().mapToInt(Integer::intValue).sum(),
                (System.nanoTime() - startNanos) / 1e9,
                outcomes,
                legitimateChanges);
        guarded.close();
        open.close();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 10_000)
    void everyRequestIsAnsweredSafelyAndChangesNothingUnlessAllowed(@ForAll("requests") Request request)
            throws IOException {
        DashboardServer server = request.guarded() ? guarded : open;
        Snapshot before = snapshot();
        RawHttp.Exchange exchange = send(server, request);
        Snapshot after = snapshot();

        String shown = request.method() + " " + request.target() + " " + request.credentials() + " "
                + request.host() + " " + request.origin() + " " + request.headers() + " body "
                + new String(request.body(), 0, Math.min(200, request.body().length), StandardCharsets.UTF_8);
        Optional<RawHttp.Response> answer = exchange.response();
        String outcome = answer.map(r -> Integer.toString(r.status())).orElse("closed");
        outcomes.merge(outcome, 1, Integer::sum);
        assertThat(answer).as("no answer to %s: %s", shown, exchange.rawText()).isPresent();
        RawHttp.Response response = answer.get();
        assertSafeAnswer(request, response, shown);
        assertThat(after.ordersOrIntentsDiffer(before))
                .as("orders changed by " + shown)
                .isFalse();
        if (!after.equals(before)) {
            assertThat(isLegitimateControl(request, response))
                    .as("state changed from %s to %s by %s answered %d", before, after, shown, response.status())
                    .isTrue();
            legitimateChanges++;
        }
        if (request.method().equals("POST") && response.status() == 200 && !isControlTarget(request)) {
            // a login or logout may have ended the session the next requests use
            guardedSession = logIn(guarded, true);
            openSession = logIn(open, false);
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        return FuzzRequests.requests();
    }

    private void assertSafeAnswer(Request request, RawHttp.Response response, String shown) throws IOException {
        int status = response.status();
        String body = response.bodyText();
        if (status == 505) {
            // the one 5xx HTTP prescribes for the client's fault: a request line whose version is garbage
            assertThat(request.method() + request.target())
                    .as("505 to " + shown)
                    .containsPattern("[\\s\\p{Cntrl}]");
        } else {
            assertThat(status).as("status of " + shown + ": " + body).isBetween(100, 499);
        }
        assertThat(body).as(shown).doesNotContain("\tat ", "at io.cointrader.", "at org.eclipse.");
        String latin1 = new String(response.body(), StandardCharsets.ISO_8859_1);
        for (String leak : LEAKS) {
            assertThat(latin1)
                    .as("a file outside the served folders answered " + shown)
                    .doesNotContain(leak);
        }
        if (status >= 400 && !request.method().equals("HEAD")) {
            assertThat(response.header("content-type"))
                    .as("content type of %d to %s: %s %s", status, shown, response.headers(), body)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode json = JSON.readTree(body);
            assertThat(json.path("error").isTextual()).as(body).isTrue();
            assertThat(body).as(shown).doesNotContain("Exception", "jetty", "Jetty");
        }
    }

    /** A POST with the server's own session and CSRF token, from no foreign origin, that was carried out. */
    private static boolean isLegitimateControl(Request request, RawHttp.Response response) {
        boolean sameOrigin = request.origin() == FuzzRequests.OriginHeader.NONE
                || request.origin() == FuzzRequests.OriginHeader.SAME;
        boolean servedHost = request.guarded()
                || request.host() == FuzzRequests.HostHeader.LOOPBACK
                || request.host() == FuzzRequests.HostHeader.LOCALHOST;
        return request.credentials() == Credentials.SESSION_AND_CSRF
                && request.method().equals("POST")
                && sameOrigin
                && servedHost
                && response.status() >= 200
                && response.status() < 300;
    }

    private static boolean isControlTarget(Request request) {
        String target = request.target().toLowerCase(java.util.Locale.ROOT);
        return target.contains("trading") || target.contains("kill");
    }

    private Snapshot snapshot() {
        return new Snapshot(
                control.starts.size(),
                control.stops.size(),
                killSwitch.status(),
                store.orderCount(),
                store.openOrders().size(),
                store.intentsIn(EnumSet.allOf(IntentState.class)).size());
    }

    private RawHttp.Exchange send(DashboardServer server, Request request) throws IOException {
        Session own = server == guarded ? guardedSession : openSession;
        Session other = server == guarded ? openSession : guardedSession;
        String hostHeader =
                switch (request.host()) {
                    case LOOPBACK -> "127.0.0.1:" + server.port();
                    case LOCALHOST -> "localhost";
                    case FOREIGN -> "evil.example:" + server.port();
                    case JUNK -> io.cointrader.testing.Fuzz.NASTY_TEXT.get(
                            request.target().length() % 20);
                    case MISSING -> null;
                };
        List<String> headers = new ArrayList<>();
        if (hostHeader != null) {
            headers.add("Host: " + hostHeader);
        }
        switch (request.origin()) {
            case SAME -> headers.add("Origin: http://" + hostHeader);
            case FOREIGN -> headers.add("Origin: http://evil.example");
            case JUNK -> headers.add("Origin: null");
            case NONE -> {}
        }
        switch (request.credentials()) {
            case SESSION_AND_CSRF -> headers.addAll(List.of(own.cookie(), "X-CSRF-Token: " + own.csrf()));
            case SESSION_WRONG_CSRF -> headers.addAll(List.of(own.cookie(), "X-CSRF-Token: x" + own.csrf()));
            case SESSION_NO_CSRF -> headers.add(own.cookie());
            case CSRF_NO_SESSION -> headers.add("X-CSRF-Token: " + own.csrf());
            case JUNK_SESSION -> headers.addAll(List.of("Cookie: ct_session=" + own.csrf(), "X-CSRF-Token: x"));
            case OTHER_SERVERS_SESSION -> headers.addAll(List.of(other.cookie(), "X-CSRF-Token: " + other.csrf()));
            case NONE -> {}
        }
        headers.addAll(request.headers());
        byte[] body = request.body();
        if (request.chunked()) {
            headers.add("Transfer-Encoding: chunked");
            String chunk = Integer.toHexString(body.length) + "\r\n";
            byte[] framed = new byte[chunk.length() + body.length + 7];
            System.arraycopy(chunk.getBytes(StandardCharsets.ISO_8859_1), 0, framed, 0, chunk.length());
            System.arraycopy(body, 0, framed, chunk.length(), body.length);
            System.arraycopy(
                    "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0, framed, chunk.length() + body.length, 7);
            body = framed;
        } else if (body.length > 0) {
            headers.add("Content-Length: " + body.length);
        }
        return client(server).send(request.method() + " " + request.target() + " HTTP/1.1", headers, body);
    }

    private static RawHttp client(DashboardServer server) {
        return new RawHttp("127.0.0.1", server.port(), 10_000);
    }

    /** A session as the page gets one: GET /api/session, then (with a master code) the login. */
    private static Session logIn(DashboardServer server, boolean withCode) throws IOException {
        String host = "Host: 127.0.0.1:" + server.port();
        RawHttp.Exchange session = client(server).send("GET /api/session HTTP/1.1", List.of(host), new byte[0]);
        Session anonymous = new Session(cookie(session), csrf(session));
        if (!withCode) {
            return anonymous;
        }
        byte[] body = ("{\"code\":\"" + CODE + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Exchange login = client(server)
                .send(
                        "POST /api/login HTTP/1.1",
                        List.of(
                                host,
                                anonymous.cookie(),
                                "X-CSRF-Token: " + anonymous.csrf(),
                                "Content-Type: application/json",
                                "Content-Length: " + body.length),
                        body);
        assertThat(login.response()).map(RawHttp.Response::status).contains(200);
        return new Session(cookie(login), csrf(login));
    }

    private static String cookie(RawHttp.Exchange exchange) {
        String pair = exchange.setCookies().stream()
                .filter(c -> c.startsWith("ct_session="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + exchange.rawText()))
                .split(";", 2)[0];
        return "Cookie: " + pair;
    }

    private static String csrf(RawHttp.Exchange exchange) throws IOException {
        return JSON.readTree(exchange.response().orElseThrow().body())
                .path("csrf_token")
                .asText();
    }
}
