package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.core.Order;
import io.cointrader.logging.Redactor;
import io.cointrader.state.StateStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever the language model answers, the orders of a paper run are exactly those of the same run
 * without the advisor: the advice is recorded, never acted on. The model is a real HTTP server on
 * loopback speaking the OpenAI protocol; each try replays four days of bundled history.
 */
class AdvisorNeverTradesProperties {

    /** From the default start (48 h into the bundled history) to here: about ten orders. */
    private static final Map<String, String> WINDOW = Map.of("REPLAY_TO", "2025-10-26T00:00:00Z");

    private static final AtomicReference<String> REPLY = new AtomicReference<>("{}");
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static HttpServer llm;
    private static List<String> withoutAdvisor;

    @BeforeContainer
    static void startFakeModel() throws IOException {
        // without TCP_NODELAY each small answer waits out the client's delayed ACK (~40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.createContext("/v1/chat/completions", exchange -> {
            CALLS.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String body = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(REPLY.get()) + "},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":20,"
                    + "\"total_tokens\":70}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        llm.start();
        withoutAdvisor = run(false).orders();
    }

    @AfterContainer
    static void stopFakeModel() {
        llm.stop(0);
    }

    @Property(tries = 10)
    void noReplyOfTheModelChangesWhatIsOrdered(@ForAll("replies") String reply) {
        REPLY.set(reply);

        Run advised = run(true);

        assertThat(withoutAdvisor).isNotEmpty();
        assertThat(advised.orders()).isEqualTo(withoutAdvisor);
    }

    @Example
    void validAdviceIsRecordedAsDecisionEventsAndStillChangesNothing() {
        REPLY.set("{\"action\":\"SELL_CONSIDER\",\"confidence\":0.9,\"reasoning\":\"sell everything now\","
                + "\"risk_notes\":\"none\"}");
        int before = CALLS.get();

        Run advised = run(true);

        assertThat(CALLS.get() - before).isPositive();
        assertThat(advised.advice()).isPositive();
        assertThat(advised.orders()).isEqualTo(withoutAdvisor);
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> action = Arbitraries.of("HOLD", "BUY_CONSIDER", "SELL_CONSIDER", "BUY", "SELL_NOW", "");
        Arbitrary<Double> confidence = Arbitraries.doubles().between(-1, 2);
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(600);
        Arbitrary<String> advice = Combinators.combine(action, confidence, text)
                .as((a, c, t) -> "{\"action\":" + quote(a) + ",\"confidence\":" + c + ",\"reasoning\":" + quote(t)
                        + ",\"risk_notes\":\"r\"}");
        return Arbitraries.oneOf(
                advice,
                advice.map(a -> "```json\n" + a + "\n```"),
                advice.map(a -> "Here is my advice: " + a),
                advice.map(a -> a.substring(0, a.length() / 2)),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.just(""));
    }

    record Run(List<String> orders, int advice) {}

    private static Run run(boolean advisor) {
        Path dir;
        try {
            dir = Files.createTempDirectory("advisor-run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>(WINDOW);
        env.put("EXCHANGE", "replay");
        env.put("DB_PATH", dir.resolve("t.db").toString());
        env.put("KILL_SWITCH_FILE", dir.resolve("kill").toString());
        env.put("LOG_DIR", dir.resolve("logs").toString());
        if (advisor) {
            env.put("LLM_ENABLED", "true");
            env.put("LLM_API_KEY", "sk-test-property-0000000000000000");
            env.put(
                    "LLM_OPENAI_BASE_URL",
                    "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1");
            env.put("LLM_MIN_PRICE_MOVE_PCT", "0");
        }
        Settings settings = SettingsLoader.load(Map.of(), env, dir).settings();
        try (TradingSystem system = SystemBuilder.build(settings, Redactor.withSecrets(List.of()), line -> {})) {
            new TradingSession(settings, new PrintWriter(new StringWriter()), false)
                    .trade(system, new StopSignal(), false);
            StateStore store = system.parts().store();
            List<String> orders = new ArrayList<>();
            for (Order o : store.recentOrders(10_000, 0)) {
                orders.add(o.symbol() + " " + o.side() + " " + o.type() + " "
                        + o.price().toPlainString() + " "
                        + o.quantity().toPlainString() + " "
                        + o.filledQuantity().toPlainString() + " " + o.status()
                        + " " + o.createdAt());
            }
            Collections.reverse(orders);
            return new Run(
                    orders, store.recentDecisions("llm_advice", null, 10_000).size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
