package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.testing.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attack corpus against the packaged {@code trader web}: one dashboard behind WEB_MASTER_CODE, one
 * without (loopback only). Every attempt is counted, and one that gets what it asked for is "accepted";
 * the run prints the figures and ends with {@code N passed, N failed}. Nothing may be accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardAttackIT {

    private static final String CODE = "attack-master-code-Zq8";
    private static final String CANARY = "CANARY-traversal-4b1d";
    private static final List<String> CONTROLS = List.of(
            "/api/trading/start", "/api/trading/stop", "/api/kill-switch/activate", "/api/kill-switch/deactivate");
    private static final Map<String, String> BODIES = Map.of(
            "/api/trading/start", "{\"mode\":\"paper\"}",
            "/api/trading/stop", "{}",
            "/api/kill-switch/activate", "{\"reason\":\"attack\"}",
            "/api/kill-switch/deactivate", "{\"reason\":\"attack\"}");
    /** Text that only a file outside the served folders holds. */
    private static final List<String> SENTINELS = List.of(
            CANARY, "<configuration", "\u00ca\u00fe\u00ba\u00be", "Manifest-Version", "root:x:0:", "SQLite format 3");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    private Path guardedDir;
    private Path openDir;

    private DashboardProcess guardedProcess;
    private DashboardProcess openProcess;
    private Target guarded;
    private Target open;
    private final Map<String, int[]> tally = new LinkedHashMap<>();
    private final List<String> acceptedAttempts = new ArrayList<>();

    /** A dashboard process: its port, working folder and whether it asks for the master code. */
    private record Target(String name, int port, Path dir, boolean withCode) {
        RawHttp http() {
            return new RawHttp("127.0.0.1", port, 30_000);
        }

        String host() {
            return "Host: 127.0.0.1:" + port;
        }

        boolean killSwitchOn() {
            return Files.exists(dir.resolve("RUN/kill_switch"));
        }
    }

    /** A session cookie header and its CSRF token. */
    private record Session(String cookie, String csrf) {
        Session withoutCsrf() {
            return new Session(cookie, null);
        }

        Session withCsrf(String token) {
            return new Session(cookie, token);
        }
    }

    @BeforeAll
    void startDashboards() throws Exception {
        guardedDir = Files.createDirectories(root.resolve("guarded"));
        openDir = Files.createDirectories(root.resolve("open"));
        for (Path dir : List.of(guardedDir, openDir)) {
            Files.writeString(dir.resolve("secret.txt"), CANARY);
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("data/notes.txt"), CANARY);
        }
        guardedProcess = DashboardProcess.start(guardedDir, Map.of("WEB_MASTER_CODE", CODE));
        openProcess = DashboardProcess.start(openDir, Map.of());
        guarded = new Target("guarded", URI.create(guardedProcess.baseUrl).getPort(), guardedDir, true);
        open = new Target("open", URI.create(openProcess.baseUrl).getPort(), openDir, false);
    }

    @AfterAll
    void stopAndReport() throws Exception {
        if (guardedProcess != null) {
            guardedProcess.stop();
        }
        if (openProcess != null) {
            openProcess.stop();
        }
        int attempts = tally.values().stream().mapToInt(t -> t[0]).sum();
        int accepted = tally.values().stream().mapToInt(t -> t[1]).sum();
        StringBuilder kinds = new StringBuilder();
        tally.forEach(
                (kind, t) -> kinds.append(String.format("  %-28s %4d attempts, %d accepted%n", kind, t[0], t[1])));
        System.out.print("dashboard attacks (packaged jar):\n" + kinds);
        acceptedAttempts.forEach(a -> System.out.println("  ACCEPTED: " + a));
        System.out.printf("dashboard attacks: %d attempts, %d accepted%n", attempts, accepted);
        System.out.printf("%d passed, %d failed%n", attempts - accepted, accepted);
    }

    @Test
    @Order(1)
    void legitimateControlWorksSoThatRefusalsMeanSomething() throws Exception {
        for (Target target : List.of(guarded, open)) {
            Session session = logIn(target);
            RawHttp.Response on =
                    post(target, "/api/kill-switch/activate", "{\"reason\":\"check\"}", session, List.of());
            assertThat(on.status()).as(on.bodyText()).isEqualTo(200);
            assertThat(target.killSwitchOn()).isTrue();
            RawHttp.Response off = post(target, "/api/kill-switch/deactivate", "{}", session, List.of());
            assertThat(off.status()).as(off.bodyText()).isEqualTo(200);
            assertThat(target.killSwitchOn()).isFalse();
        }
    }

    @Test
    @Order(2)
    void unauthenticatedControlRequestsAreRefused() throws Exception {
        Session anonymous = anonymousSession(guarded);
        for (String path : CONTROLS) {
            String body = BODIES.get(path);
            attempt("unauthenticated control", guarded, post(guarded, path, body, null, List.of()));
            attempt("unauthenticated control", guarded, post(guarded, path, body, anonymous, List.of()));
            attempt("unauthenticated control", guarded, post(guarded, path, body, junk(), List.of()));
            attempt("unauthenticated control", guarded, post(guarded, path, "", null, List.of()));
            attempt("unauthenticated control", open, post(open, path, body, null, List.of()));
            attempt("unauthenticated control", open, post(open, path, body, junk(), List.of()));
        }
        assertNothingAccepted();
    }

    @Test
    @Order(3)
    void crossSiteControlRequestsAreRefused() throws Exception {
        for (Target target : List.of(guarded, open)) {
            Session session = logIn(target);
            Session otherSession = logIn(target);
            for (String path : CONTROLS) {
                String body = BODIES.get(path);
                for (String origin : List.of("http://evil.example", "null", "https://127.0.0.1:" + target.port())) {
                    attempt(
                            "cross-site control",
                            target,
                            post(target, path, body, session, List.of("Origin: " + origin)));
                }
                attempt("cross-site control", target, post(target, path, body, session.withoutCsrf(), List.of()));
                attempt(
                        "cross-site control",
                        target,
                        post(target, path, body, session.withoutCsrf(), List.of("Referer: http://evil.example/")));
                attempt("cross-site control", target, post(target, path, body, session.withCsrf("forged"), List.of()));
                attempt(
                        "cross-site control",
                        target,
                        post(target, path, body, session.withCsrf(otherSession.csrf()), List.of()));
                attempt("cross-site control", target, form(target, path, session, "text/plain"));
                attempt("cross-site control", target, form(target, path, session, "application/x-www-form-urlencoded"));
            }
        }
        assertNothingAccepted();
    }

    @Test
    @Order(4)
    void aSessionIdSetBeforeTheLoginIsNotTheOneAfterIt() throws Exception {
        Session planted = anonymousSession(guarded);
        Session after = logIn(guarded, planted);
        boolean sameId = after.cookie().equals(planted.cookie());
        boolean plantedWorks = get(guarded, "/api/status", planted).status() == 200;
        count("session fixation", sameId || plantedWorks, "planted id " + (sameId ? "kept" : "works"));
        Session chosen = new Session("Cookie: ct_session=attacker-chosen-id-0001", "x");
        RawHttp.Response withChosen = post(guarded, "/api/login", "{\"code\":\"" + CODE + "\"}", chosen, List.of());
        count(
                "session fixation",
                withChosen.status() == 200
                        && get(guarded, "/api/status", chosen).status() == 200,
                "a chosen id logged in");
        Session loggedOut = logIn(guarded);
        post(guarded, "/api/logout", "{}", loggedOut, List.of());
        count("session fixation", get(guarded, "/api/status", loggedOut).status() == 200, "an id works after logout");
        assertNothingAccepted();
    }

    @Test
    @Order(5)
    void oversizedBodiesAndHeadersAreRefused() throws Exception {
        Session session = logIn(guarded);
        String big = "{\"reason\":\"" + "r".repeat(17 * 1024) + "\"}";
        String huge = "{\"reason\":\"" + "r".repeat(2 * 1024 * 1024) + "\"}";
        for (String body : List.of(big, huge)) {
            attempt("oversized body", guarded, post(guarded, "/api/kill-switch/activate", body, session, List.of()));
            attempt(
                    "oversized body",
                    guarded,
                    post(
                            guarded,
                            "/api/login",
                            "{\"code\":\"" + CODE + "\",\"x\":" + body + "}",
                            anonymousSession(guarded),
                            List.of()));
            attempt("oversized body", guarded, chunked(guarded, "/api/kill-switch/activate", body, session));
            attempt("oversized body", open, post(open, "/api/kill-switch/activate", body, logIn(open), List.of()));
        }
        attempt(
                "oversized body",
                guarded,
                get(guarded, "/api/status", session, List.of("X-Big: " + "h".repeat(64 * 1024))));
        attempt("oversized body", guarded, get(guarded, "/api/status?x=" + "q".repeat(64 * 1024), session));
        assertNothingAccepted();
    }

    @Test
    @Order(6)
    void pathTraversalOnEveryFileRouteFindsNothingOutsideTheServedFolders() throws Exception {
        List<String> escapes = List.of(
                "../secret.txt",
                "../../secret.txt",
                "../../../secret.txt",
                "../../../../../../../../etc/passwd",
                "../../logback.xml",
                "../../io/cointrader/app/Main.class",
                "../../../META-INF/MANIFEST.MF",
                "../../../../data/notes.txt",
                "../../../../data/coin_trader.db");
        for (Target target : List.of(guarded, open)) {
            Session session = logIn(target);
            for (String route : List.of("/assets/", "/webjars/", "/webjars/uplot/1.6.30/dist/", "/")) {
                for (String escape : escapes) {
                    for (String path : encodings(route, escape)) {
                        attemptTraversal(target, path, null);
                        attemptTraversal(target, path, session);
                    }
                }
            }
        }
        assertNothingAccepted();
    }

    @Test
    @Order(7)
    void aForeignHostHeaderIsRefused() throws Exception {
        List<String> hosts = List.of(
                "evil.example",
                "evil.example:" + open.port(),
                "127.0.0.1.evil.example",
                "localhost.evil.example",
                "127.0.0.2",
                "0.0.0.0",
                "[::2]",
                "");
        Session session = logIn(open);
        for (String host : hosts) {
            for (String path : List.of("/api/status", "/api/session", "/", "/assets/app.js")) {
                attempt(
                        "foreign host",
                        open,
                        raw(open, "GET " + path + " HTTP/1.1", List.of("Host: " + host, session.cookie()), ""));
            }
            for (String path : CONTROLS) {
                attempt(
                        "foreign host",
                        open,
                        raw(
                                open,
                                "POST " + path + " HTTP/1.1",
                                List.of(
                                        "Host: " + host,
                                        session.cookie(),
                                        "X-CSRF-Token: " + session.csrf(),
                                        "Content-Type: application/json",
                                        "Content-Length: " + BODIES.get(path).length()),
                                BODIES.get(path)));
                // behind a master code any name may reach the server (a proxy), but never without a login
                attempt(
                        "foreign host",
                        guarded,
                        raw(
                                guarded,
                                "POST " + path + " HTTP/1.1",
                                List.of(
                                        "Host: " + host,
                                        "Content-Type: application/json",
                                        "Content-Length: " + BODIES.get(path).length()),
                                BODIES.get(path)));
            }
            attempt("foreign host", guarded, raw(guarded, "GET /api/status HTTP/1.1", List.of("Host: " + host), ""));
        }
        assertNothingAccepted();
    }

    @Test
    @Order(8)
    void aNetworkAddressWithoutAMasterCodeDoesNotStart(@TempDir Path dir) throws Exception {
        for (String host : List.of("0.0.0.0", "::", "192.0.2.10")) {
            TraderProcess.Result result = new TraderProcess(dir).run("web", "--host", host, "--port", "0");
            boolean started = result.exitCode() != 2 || result.out().contains("coin-trader dashboard");
            count("non-loopback bind", started, "web --host " + host + " exited " + result.exitCode());
            assertThat(result.err()).doesNotContain("\tat ");
        }
        assertNothingAccepted();
    }

    @Test
    @Order(9)
    void bruteForceOnTheMasterCodeLocksTheLoginAndTheLockHolds() throws Exception {
        Session session = anonymousSession(guarded);
        for (int i = 0; i < 40; i++) {
            RawHttp.Response answer = post(guarded, "/api/login", "{\"code\":\"guess-" + i + "\"}", session, List.of());
            count("brute force", answer.status() == 200, "guess " + i + " answered " + answer.status());
        }
        for (int i = 0; i < 3; i++) {
            RawHttp.Response right = post(guarded, "/api/login", "{\"code\":\"" + CODE + "\"}", session, List.of());
            count(
                    "brute force",
                    right.status() != 429,
                    "the right code during the lock-out answered " + right.status());
        }
        assertThat(acceptedAttempts).isEmpty();
    }

    private void attemptTraversal(Target target, String path, Session session) throws IOException {
        RawHttp.Response answer = get(target, path, session);
        String body = new String(answer.body(), StandardCharsets.ISO_8859_1);
        boolean leaked = answer.status() < 300 && SENTINELS.stream().anyMatch(body::contains);
        count(
                "path traversal",
                leaked || answer.status() >= 500,
                target.name() + " GET " + path + " answered " + answer.status());
    }

    /** The escape under the route: raw, URL-encoded, double-encoded, with backslashes, mixed. */
    private static List<String> encodings(String route, String escape) {
        return List.of(
                route + escape,
                route + escape.replace("..", "%2e%2e"),
                route + escape.replace("/", "%2f"),
                route + escape.replace("..", "%2e%2e").replace("/", "%2f"),
                route + escape.replace("..", "%252e%252e").replace("/", "%252f"),
                route + escape.replace("/", "\\"),
                route + escape.replace("/", "%5c"),
                route + escape.replace("..", ".%2e"),
                route + escape.replace("../", "..;/"),
                route + escape.replace("../", "....//"),
                route + escape.replace("..", "%c0%ae%c0%ae"));
    }

    /** An attempt is accepted when it was answered 2xx or changed the kill switch; a 5xx is a failure too. */
    private void attempt(String kind, Target target, RawHttp.Response answer) {
        boolean changed = target.killSwitchOn();
        count(
                kind,
                (answer.status() >= 200 && answer.status() < 300) || changed || answer.status() >= 500,
                target.name() + " answered " + answer.status() + (changed ? " and the kill switch is on" : "") + ": "
                        + answer.bodyText());
    }

    private void count(String kind, boolean accepted, String what) {
        int[] t = tally.computeIfAbsent(kind, k -> new int[2]);
        t[0]++;
        if (accepted) {
            t[1]++;
            acceptedAttempts.add(kind + ": " + what);
        }
    }

    private void assertNothingAccepted() throws IOException {
        for (Target target : List.of(guarded, open)) {
            JsonNode status =
                    JSON.readTree(get(target, "/api/status", logIn(target)).body());
            if (status.path("trading").path("running").asBoolean()) {
                count("trading started by an attack", true, target.name());
            }
        }
        assertThat(acceptedAttempts).isEmpty();
    }

    private Session anonymousSession(Target target) throws IOException {
        RawHttp.Exchange exchange =
                target.http().send("GET /api/session HTTP/1.1", List.of(target.host()), new byte[0]);
        return new Session(
                cookie(exchange),
                JSON.readTree(exchange.response().orElseThrow().body())
                        .path("csrf_token")
                        .asText());
    }

    private Session logIn(Target target) throws IOException {
        return target.withCode() ? logIn(target, anonymousSession(target)) : anonymousSession(target);
    }

    private Session logIn(Target target, Session anonymous) throws IOException {
        byte[] body = ("{\"code\":\"" + CODE + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Exchange login = target.http()
                .send(
                        "POST /api/login HTTP/1.1",
                        List.of(
                                target.host(),
                                anonymous.cookie(),
                                "X-CSRF-Token: " + anonymous.csrf(),
                                "Content-Type: application/json",
                                "Content-Length: " + body.length),
                        body);
        RawHttp.Response answer = login.response().orElseThrow();
        assertThat(answer.status()).as(answer.bodyText()).isEqualTo(200);
        return new Session(
                cookie(login), JSON.readTree(answer.body()).path("csrf_token").asText());
    }

    private static Session junk() {
        return new Session("Cookie: ct_session=not-a-session", "not-a-token");
    }

    private static String cookie(RawHttp.Exchange exchange) {
        return exchange.setCookies().stream()
                .filter(c -> c.startsWith("ct_session="))
                .map(c -> "Cookie: " + c.split(";", 2)[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + exchange.rawText()));
    }

    private static RawHttp.Response post(Target target, String path, String body, Session session, List<String> extra)
            throws IOException {
        List<String> headers = new ArrayList<>(List.of(target.host(), "Content-Type: application/json"));
        if (session != null) {
            headers.add(session.cookie());
            if (session.csrf() != null) {
                headers.add("X-CSRF-Token: " + session.csrf());
            }
        }
        headers.addAll(extra);
        headers.add("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
        return raw(target, "POST " + path + " HTTP/1.1", headers, body);
    }

    private static RawHttp.Response form(Target target, String path, Session session, String type) throws IOException {
        String body = "mode=paper&reason=attack";
        return raw(
                target,
                "POST " + path + " HTTP/1.1",
                List.of(
                        target.host(),
                        session.cookie(),
                        "Content-Type: " + type,
                        "Origin: http://evil.example",
                        "Content-Length: " + body.length()),
                body);
    }

    private static RawHttp.Response chunked(Target target, String path, String body, Session session)
            throws IOException {
        String framed = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        return raw(
                target,
                "POST " + path + " HTTP/1.1",
                List.of(
                        target.host(),
                        session.cookie(),
                        "X-CSRF-Token: " + session.csrf(),
                        "Content-Type: application/json",
                        "Transfer-Encoding: chunked"),
                framed);
    }

    private static RawHttp.Response get(Target target, String path, Session session) throws IOException {
        return get(target, path, session, List.of());
    }

    private static RawHttp.Response get(Target target, String path, Session session, List<String> extra)
            throws IOException {
        List<String> headers = new ArrayList<>(List.of(target.host()));
        if (session != null) {
            headers.add(session.cookie());
        }
        headers.addAll(extra);
        return raw(target, "GET " + path + " HTTP/1.1", headers, "");
    }

    private static RawHttp.Response raw(Target target, String requestLine, List<String> headers, String body)
            throws IOException {
        RawHttp.Exchange exchange = target.http().send(requestLine, headers, body.getBytes(StandardCharsets.UTF_8));
        // a connection closed without an answer refused the request: count it as a 400
        return exchange.response().orElse(new RawHttp.Response(400, Map.of(), new byte[0]));
    }
}
