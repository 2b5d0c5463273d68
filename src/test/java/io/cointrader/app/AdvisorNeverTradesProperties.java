package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.core.Order;
import io.cointrader.llm.Advisor;
import io.cointrader.llm.AdvisorQueue;
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
import java.util.Optional;
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
 *
 * <p>The production advisor asks off the trading thread, so how many answers arrive during a run
 * depends on timing. The property therefore asks on the trading thread itself ({@link Mode#INLINE}):
 * every answer arrives, and is recorded, in the middle of its tick, before the tick's orders, which is
 * the hardest case for the rule. One example runs the production wiring as built.
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
        withoutAdvisor = run(Mode.NONE).orders();
    }

    @AfterContainer
    static void stopFakeModel() {
        llm.stop(0);
    }

    @Property(tries = 10)
    void noReplyOfTheModelChangesWhatIsOrdered(@ForAll("replies") String reply) {
        REPLY.set(reply);

        int before = CALLS.get();

        Run advised = run(Mode.INLINE);

        assertThat(CALLS.get() - before).as("the model was asked").isPositive();
        assertThat(withoutAdvisor).isNotEmpty();
        assertThat(advised.orders()).isEqualTo(withoutAdvisor);
    }

    @Example
    void validAdviceIsRecordedAsDecisionEventsAndStillChangesNothing() {
        REPLY.set("{\"action\":\"SELL_CONSIDER\",\"confidence\":0.9,\"reasoning\":\"sell everything now\","
                + "\"risk_notes\":\"none\"}");
        int before = CALLS.get();

        Run advised = run(Mode.INLINE);

        assertThat(CALLS.get() - before).isPositive();
        assertThat(advised.advice()).isEqualTo(CALLS.get() - before);
        assertThat(advised.orders()).isEqualTo(withoutAdvisor);
    }

    @Example
    void theAdvisorAsWiredForARunAsksOffTheTickAndChangesNothing() {
        REPLY.set("{\"action\":\"BUY_CONSIDER\",\"confidence\":1,\"reasoning\":\"buy it all\","
                + "\"risk_notes\":\"none\"}");

        Run advised = run(Mode.BACKGROUND);

        assertThat(advised.orders()).isEqualTo(withoutAdvisor);
    }

    /** Without the advisor, with it asked on the trading thread, or as a run wires it. */
    enum Mode {
        NONE,
        INLINE,
        BACKGROUND
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

    private static Run run(Mode mode) {
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
        if (mode != Mode.NONE) {
            env.put("LLM_ENABLED", "true");
            env.put("LLM_API_KEY", "sk-test-property-0000000000000000");
            env.put(
                    "LLM_OPENAI_BASE_URL",
                    "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1");
            env.put("LLM_MIN_PRICE_MOVE_PCT", "0");
        }
        Settings settings = SettingsLoader.load(Map.of(), env, dir).settings();
        TradingSystem built = SystemBuilder.build(settings, Redactor.withSecrets(List.of()), line -> {});
        try (TradingSystem system = mode == Mode.INLINE ? askingOnTheTradingThread(built) : built) {
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
                    orders,
                    store.recentDecisions(AdviceRecorder.KIND, null, 10_000).size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The system as built, with the advisor asked on the caller's thread instead of its own. */
    private static TradingSystem askingOnTheTradingThread(TradingSystem built) {
        built.parts().advisor().close();
        Advisor advisor =
                AdvisorWiring.advisor(built.settings().llm(), line -> {}).orElseThrow();
        AdviceRecorder recorder =
                new AdviceRecorder(built.parts().store(), built.parts().clock());
        AdvisorQueue inline = new AdvisorQueue() {
            @Override
            public void ask(Advisor.Question question) {
                advisor.advise(question).ifPresent(advice -> recorder.accept(question, advice));
            }

            @Override
            public void close() {
                advisor.close();
            }
        };
        TradingParts p = built.parts();
        TradingParts parts = new TradingParts(
                p.exchange(),
                p.strategy(),
                p.engine(),
                p.reconciler(),
                p.broker(),
                p.store(),
                p.killSwitch(),
                p.anomalies(),
                p.circuitBreaker(),
                p.safety(),
                new AdvisorStep(Optional.of(inline), p.clock()),
                p.entries(),
                p.timeouts(),
                p.exits(),
                p.clock());
        return new TradingSystem(
                built.settings(),
                parts,
                built.engine(),
                built.portfolio(),
                built.planner(),
                built.rules(),
                built.redactor(),
                built.replayClock(),
                built.replayEnd(),
                built.alerts(),
                built.keyExpiry());
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
