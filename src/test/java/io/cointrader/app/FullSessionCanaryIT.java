package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One whole session with a unique canary value for every secret the program holds, then a search of
 * everything it produced. The session: live trading against the Upbit simulator (access and secret
 * key in the encrypted key file, the master key), the LLM advisor over OAuth (access, refresh and ID
 * token; the access token has expired, so it is refreshed into new canary tokens; every third call
 * fails with an answer that echoes the credentials back), the LLM over an API key in the self-test (its
 * first call refused with an answer that echoes the key), Slack alerts (the webhook URL), the dashboard
 * (a wrong master code, then the right one, every read endpoint, the kill switch on and off), the kill
 * switch from the command line, the self-test with a Slack message, and a run that fails on a wrong
 * master key. Searched: every stdout and stderr line, every file in the folder (the database, its WAL,
 * the JSON logs, the kill-switch file; the token file is the tokens' own home and is only checked to be
 * private), every HTTP answer of the dashboard, every Slack message and every prompt the LLM server
 * received. The figure is the number of canaries found: it must be zero.
 */
class FullSessionCanaryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBHOOK_SECRET = "canaryWebhook-B0AA-7f3c91d2";
    private static final String WEB_CODE = "canary-web-code-5Rk2";
    private static final String WRONG_MASTER = "canary-wrong-master-19ce";
    private static final String LLM_API_KEY = "sk-canaryApiKey-6d0e2b7f41";
    private static final String ID_TOKEN = jwt("CANARYid-3b1");
    private static final String ACCESS_TOKEN = jwt("CANARYaccess-8d2");
    private static final String REFRESH_TOKEN = "CANARYrefresh-44e0";
    private static final String NEW_ACCESS_TOKEN = jwt("CANARYnewaccess-2f9");
    private static final String NEW_REFRESH_TOKEN = "CANARYnewrefresh-a71";

    @TempDir
    Path dir;

    private HttpServer fakes;
    private final List<String> slackMessages = new CopyOnWriteArrayList<>();
    private final List<String> llmBodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger codexCalls = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger chatCalls = new AtomicInteger();

    @BeforeEach
    void startFakes() throws IOException {
        fakes = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakes.createContext("/oauth/token", exchange -> {
            // the refresh token's one legitimate destination: its request is not searched
            exchange.getRequestBody().readAllBytes();
            refreshes.incrementAndGet();
            answer(
                    exchange,
                    200,
                    "{\"access_token\":\"" + NEW_ACCESS_TOKEN + "\",\"refresh_token\":\"" + NEW_REFRESH_TOKEN
                            + "\",\"id_token\":\"" + ID_TOKEN + "\",\"expires_in\":3600}",
                    "application/json");
        });
        fakes.createContext("/codex/responses", exchange -> {
            llmBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (codexCalls.incrementAndGet() % 3 == 0) {
                answer(exchange, 500, "{\"detail\":\"server trouble for " + auth + "\"}", "application/json");
                return;
            }
            String advice = "{\\\"action\\\":\\\"HOLD\\\",\\\"confidence\\\":0.4,\\\"reasoning\\\":\\\"calm\\\","
                    + "\\\"risk_notes\\\":\\\"none\\\"}";
            answer(
                    exchange,
                    200,
                    "event: response.output_text.delta\r\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\""
                            + advice + "\"}\r\n\r\n"
                            + "event: response.completed\r\ndata: {\"type\":\"response.completed\",\"response\":"
                            + "{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[],"
                            + "\"usage\":{\"input_tokens\":120,\"output_tokens\":30}}}\r\n\r\n",
                    "text/event-stream");
        });
        fakes.createContext("/v1/chat/completions", exchange -> {
            llmBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (chatCalls.incrementAndGet() == 1) {
                answer(
                        exchange,
                        401,
                        "{\"error\":{\"message\":\"Incorrect API key provided: " + auth
                                + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
                        "application/json");
                return;
            }
            answer(
                    exchange,
                    200,
                    "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,"
                            + "\"total_tokens\":6}}",
                    "application/json");
        });
        fakes.createContext("/services/", exchange -> {
            slackMessages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, "ok", "text/plain");
        });
        fakes.start();
    }

    @AfterEach
    void stopFakes() {
        fakes.stop(0);
    }

    @Test
    void noCanaryShowsUpAnywhereAfterAWholeSession() throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        try (SimRehearsal rehearsal = new SimRehearsal(dir)) {
            Map<String, String> env = environment(rehearsal);
            TraderProcess trader = new TraderProcess(dir);

            rehearsal.moveMarket(Duration.ofMinutes(30), 250);
            Process live = trader.builder(List.of("run", "--mode", "live"), env)
                    .redirectOutput(dir.resolve("live.out").toFile())
                    .redirectError(dir.resolve("live.err").toFile())
                    .start();
            waitUntil(() -> codexCalls.get() >= 4 && !rehearsal.orders().isEmpty(), Duration.ofSeconds(90));
            live.destroy(); // SIGTERM: the loop stops after its tick
            assertThat(live.waitFor(60, TimeUnit.SECONDS)).isTrue();
            rehearsal.stopMarket();
            outputs.add(Files.readString(dir.resolve("live.out")) + Files.readString(dir.resolve("live.err")));

            TraderProcess.Result kill = trader.run(env, "kill", "--reason", "canary drill");
            TraderProcess.Result status = trader.run(env, "status");
            List<String> answers = dashboardSession(env);
            // the self-test asks the LLM once, here with an API key: refused once (echoing the key), then answered
            Map<String, String> apiKey = new HashMap<>(env);
            apiKey.put("LLM_AUTH_MODE", "api_key");
            apiKey.put("LLM_API_KEY", LLM_API_KEY);
            apiKey.put(
                    "LLM_OPENAI_BASE_URL",
                    "http://127.0.0.1:" + fakes.getAddress().getPort() + "/v1");
            TraderProcess.Result refusedKey = trader.run(apiKey, "selftest", "--mode", "live");
            TraderProcess.Result selftest = trader.run(apiKey, "selftest", "--mode", "live", "--notify");
            Map<String, String> wrongKey = new HashMap<>(env);
            wrongKey.put("UPBIT_MASTER_KEY", WRONG_MASTER);
            TraderProcess.Result refused = trader.run(wrongKey, "run", "--mode", "live", "--once");
            for (TraderProcess.Result r : List.of(kill, status, refusedKey, selftest, refused)) {
                outputs.add(r.out() + r.err());
            }

            assertThat(kill.exitCode()).as(kill.err()).isZero();
            assertThat(refused.exitCode())
                    .as("a wrong master key is a user error")
                    .isEqualTo(2);
            assertThat(refreshes.get())
                    .as("the expired access token was refreshed")
                    .isPositive();
            assertThat(codexCalls.get())
                    .as("the advisor was asked, and some calls failed")
                    .isGreaterThanOrEqualTo(4);
            assertThat(rehearsal.orders()).as("the live session placed orders").isNotEmpty();
            assertThat(slackMessages).anySatisfy(m -> assertThat(m).contains("KILL_SWITCH"));

            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                sources.add(new Source("console output " + i, outputs.get(i)));
            }
            for (int i = 0; i < answers.size(); i++) {
                sources.add(new Source("dashboard answer " + i, answers.get(i)));
            }
            slackMessages.forEach(m -> sources.add(new Source("slack message", m)));
            llmBodies.forEach(b -> sources.add(new Source("LLM prompt", b)));
            Path tokenFile = dir.resolve("data/.auth/openai-oauth.json");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (!file.equals(tokenFile)) {
                        sources.add(new Source(
                                dir.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1)));
                    }
                }
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                    .isEqualTo("rw-------");

            long bytes = 0;
            for (Source source : sources) {
                bytes += source.text().length();
                for (Map.Entry<String, String> canary : canaries().entrySet()) {
                    if (source.text().contains(canary.getValue())) {
                        found.put(source.name(), canary.getKey());
                    }
                }
            }
            System.out.printf(
                    "secret canaries: %d canaries, %d sources searched (%d files, %d console outputs, %d dashboard"
                            + " answers, %d Slack messages, %d LLM prompts), %,d bytes, %d hits%n",
                    canaries().size(),
                    sources.size(),
                    sources.size() - outputs.size() - answers.size() - slackMessages.size() - llmBodies.size(),
                    outputs.size(),
                    answers.size(),
                    slackMessages.size(),
                    llmBodies.size(),
                    bytes,
                    found.size());
            assertThat(sources.size()).isGreaterThan(30);
        }
        assertThat(found).as("where a canary was found, and which").isEmpty();
    }

    /** Logs in with a wrong code, then the right one; reads every endpoint; the kill switch on and off. */
    private List<String> dashboardSession(Map<String, String> env) throws Exception {
        List<String> answers = new ArrayList<>();
        try (DashboardProcess web = DashboardProcess.over(dir, env, "--mode", "live")) {
            web.openSession();
            answers.add(text(web.post("/api/login", "{\"code\":\"wrong-" + WEB_CODE.substring(7, 10) + "\"}")));
            answers.add(text(web.post("/api/login", "{\"code\":\"" + WEB_CODE + "\"}")));
            answers.add(text(web.get("/api/session")));
            for (String path : List.of(
                    "/api/status",
                    "/api/balances",
                    "/api/positions",
                    "/api/pnl",
                    "/api/orders?limit=50&offset=0",
                    "/api/orders/open",
                    "/api/safety-events",
                    "/api/decisions",
                    "/api/charts/price?symbol=BTC/KRW",
                    "/api/charts/equity",
                    "/api/audit",
                    "/",
                    "/login")) {
                answers.add(text(web.get(path)));
            }
            answers.add(text(web.post("/api/kill-switch/deactivate", "{\"reason\":\"drill over\"}")));
            answers.add(text(web.post("/api/kill-switch/activate", "{\"reason\":\"drill again\"}")));
            answers.add(text(web.post("/api/logout", "{}")));
            answers.add(text(web.post("/api/kill-switch/deactivate", "{}")));
            web.stop();
            answers.add(web.output());
        }
        return answers;
    }

    private Map<String, String> environment(SimRehearsal rehearsal) throws IOException {
        String base = "http://127.0.0.1:" + fakes.getAddress().getPort();
        Path tokenFile = dir.resolve("data/.auth/openai-oauth.json");
        Files.createDirectories(tokenFile.getParent());
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("id_token", ID_TOKEN);
        tokens.put("access_token", ACCESS_TOKEN);
        tokens.put("refresh_token", REFRESH_TOKEN);
        tokens.put("account_id", "acct-canary");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tokens", tokens);
        root.put("expires_at", Instant.now().minusSeconds(600).toString());
        root.put("last_refresh", Instant.now().minusSeconds(4000).toString());
        Files.writeString(tokenFile, JSON.writeValueAsString(root));
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));

        Map<String, String> env = new HashMap<>(rehearsal.env());
        env.put("LLM_ENABLED", "true");
        env.put("LLM_AUTH_MODE", "oauth");
        env.put("LLM_OAUTH_AUTH_FILE", tokenFile.toString());
        env.put("LLM_OAUTH_ISSUER", base);
        env.put("LLM_CODEX_BASE_URL", base + "/codex");
        env.put("LLM_OAUTH_OPEN_BROWSER", "false");
        env.put("LLM_MIN_PRICE_MOVE_PCT", "0");
        env.put("SLACK_WEBHOOK_URL", base + "/services/T000/B000/" + WEBHOOK_SECRET);
        env.put("WEB_MASTER_CODE", WEB_CODE);
        env.put("TRADING_MODE", "live");
        return env;
    }

    private static Map<String, String> canaries() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Upbit access key", SimRehearsal.ACCESS);
        all.put("Upbit secret key", SimRehearsal.SECRET);
        all.put("master key", SimRehearsal.MASTER);
        all.put("wrong master key", WRONG_MASTER);
        all.put("LLM API key", LLM_API_KEY);
        all.put("OAuth ID token", ID_TOKEN);
        all.put("OAuth access token", ACCESS_TOKEN);
        all.put("OAuth refresh token", REFRESH_TOKEN);
        all.put("refreshed OAuth access token", NEW_ACCESS_TOKEN);
        all.put("refreshed OAuth refresh token", NEW_REFRESH_TOKEN);
        all.put("Slack webhook", WEBHOOK_SECRET);
        all.put("dashboard master code", WEB_CODE);
        return all;
    }

    record Source(String name, String text) {}

    private static String text(HttpResponse<String> response) {
        return response.statusCode() + " " + response.headers().map() + " " + response.body();
    }

    /** An unsigned JWT with the claims the OAuth client reads, unique by {@code salt}. */
    private static String jwt(String salt) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(
                ("{\"exp\":" + Instant.now().plusSeconds(7200).getEpochSecond()
                                + ",\"jti\":\"" + salt + "\",\"https://api.openai.com/auth\":{\"chatgpt_account_id\":"
                                + "\"acct-canary\",\"chatgpt_plan_type\":\"plus\"}}")
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the live session did not get that far within " + limit);
            }
            Thread.sleep(100);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
