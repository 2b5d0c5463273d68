package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program on the replay exchange with an LLM advisor that is slow, that hangs, and that
 * answers garbage: the passes do not wait for it, SIGTERM does not wait for it, and garbage is one
 * warning. The advisor is an OpenAI-compatible server on loopback; LLM_TIMEOUT_SEC keeps its default
 * (20 s), which each tick used to wait out.
 */
class SlowAdvisorIT {

    private static final String SYMBOLS = "BTC/KRW,ETH/KRW,XRP/KRW";
    /** Three days from the default start: some 70 passes, a few seconds. */
    private static final String SHORT_WINDOW = "2025-10-24T00:00:00Z";

    private static final Pattern PASS_TIMES =
            Pattern.compile("pass time median ([0-9.]+) ms, 99th percentile ([0-9.]+) ms, slowest ([0-9.]+) ms");
    private static final String ADVICE =
            "{\\\"action\\\":\\\"HOLD\\\",\\\"confidence\\\":0.3,\\\"reasoning\\\":\\\"calm\\\",\\\"risk_notes\\\":\\\"\\\"}";

    @TempDir
    Path dir;

    private HttpServer llm;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile String content = ADVICE;

    @BeforeEach
    void startModel() throws IOException {
        llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.setExecutor(handlers);
        llm.createContext("/v1/chat/completions", this::answer);
        llm.start();
    }

    @AfterEach
    void stopModel() {
        released.countDown();
        llm.stop(0);
        handlers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        calls.incrementAndGet();
        try {
            // a slow model: the answer comes after the delay, or never while content is null
            if (released.await(delay.toMillis(), TimeUnit.MILLISECONDS) || content == null) {
                exchange.close();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":20}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        } catch (IOException e) {
            // the program stopped waiting; nothing to answer
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("LLM_ENABLED", "true");
        env.put("LLM_API_KEY", "sk-test-slow-advisor-00000000");
        env.put("LLM_OPENAI_BASE_URL", "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1");
        env.put("LLM_MIN_PRICE_MOVE_PCT", "0");
        return env;
    }

    @Test
    void aSlowAdvisorDoesNotSlowThePasses() throws Exception {
        delay = Duration.ofSeconds(5);
        Map<String, String> env = environment();
        env.put("REPLAY_TO", SHORT_WINDOW);

        TraderProcess.Result run = new TraderProcess(dir).run(env, "run", "--exchange", "replay", "--symbols", SYMBOLS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(calls.get()).as("the advisor was asked").isPositive();
        Matcher times = PASS_TIMES.matcher(run.out());
        assertThat(times.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(times.group(2))).as("99th percentile, ms").isLessThan(1000);
        assertThat(Double.parseDouble(times.group(3))).as("slowest pass, ms").isLessThan(1000);
        assertThat(run.out()).contains("passes over it 0");
    }

    @Test
    void sigtermStopsAtOnceWhileTheAdvisorHangs() throws Exception {
        content = null;
        delay = Duration.ofHours(1);
        Path out = dir.resolve("out.txt");
        Process process = new TraderProcess(dir)
                .builder(List.of("run", "--exchange", "replay", "--symbols", SYMBOLS), environment())
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while ((calls.get() == 0 || lines(out) < 30) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as("still replaying").isTrue();
        assertThat(calls.get()).as("a call to the advisor is in flight").isPositive();

        long signalled = System.nanoTime();
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);

        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(printed).contains("Stopped after");
        assertThat(stopping).as("stopping while the advisor hangs").isLessThan(Duration.ofSeconds(5));
        Matcher times = PASS_TIMES.matcher(printed);
        assertThat(times.find()).as(printed).isTrue();
        assertThat(Double.parseDouble(times.group(3))).as("slowest pass, ms").isLessThan(1000);
    }

    @Test
    void garbageAnswersAreWarnedAboutOnceThenCounted() throws Exception {
        content = "Sure! As an AI I think the market looks interesting today.";
        Map<String, String> env = environment();
        env.put("REPLAY_TO", SHORT_WINDOW);

        TraderProcess.Result run = new TraderProcess(dir).run(env, "run", "--exchange", "replay", "--symbols", SYMBOLS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(calls.get()).isGreaterThanOrEqualTo(3);
        assertThat(run.errLines())
                .as(run.err())
                .filteredOn(line -> line.contains("is not valid advice"))
                .hasSize(1);
        assertThat(run.errLines()).as(run.err()).hasSizeLessThanOrEqualTo(3);
        String general = Files.readString(dir.resolve("logs/general.jsonl"), StandardCharsets.UTF_8);
        assertThat(general).contains("call(s) gave no advice since", "not valid advice " + calls.get());
    }

    private static long lines(Path out) throws IOException {
        return Files.exists(out)
                ? Files.readString(out, StandardCharsets.UTF_8).lines().count()
                : 0;
    }
}
