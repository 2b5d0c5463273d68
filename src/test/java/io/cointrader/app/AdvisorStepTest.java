package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import io.cointrader.llm.Advisor;
import io.cointrader.llm.AdvisorQueue;
import io.cointrader.llm.BackgroundAdvisor;
import io.cointrader.state.DecisionEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisorStepTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TickHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void theTickHandsOverAQuestionAboutItsNewestCandleAtTheTradingTimeAndGoesOn() {
        List<Advisor.Question> asked = new CopyOnWriteArrayList<>();
        AdvisorQueue recording = new AdvisorQueue() {
            @Override
            public void ask(Advisor.Question question) {
                asked.add(question);
            }

            @Override
            public void close() {}
        };
        h = new TickHarness(
                dir,
                TickHarness.Options.of("1000000"),
                harness -> new AdvisorStep(Optional.of(recording), harness.clock));
        h.exchange.price(BTC, "100000000");
        h.strategy.next = SignalType.BUY;

        TickReport report = h.ticks.tick(BTC);

        assertThat(report.action()).isEqualTo(TickAction.ORDER);
        assertThat(asked).singleElement().satisfies(q -> {
            assertThat(q.symbol()).isEqualTo("BTC/KRW");
            assertThat(q.candleTime()).isEqualTo(Instant.parse("2025-10-21T10:00:00Z"));
            assertThat(q.askedAt()).isEqualTo(Instant.parse("2025-10-21T10:30:00Z"));
            assertThat(q.context()).containsEntry("price", "100000000").containsEntry("signal", "BUY");
        });
    }

    @Test
    void ticksGoOnAndOrderAsWithoutTheAdvisorWhileItHangs() throws Exception {
        HangingAdvisor hanging = new HangingAdvisor();
        h = new TickHarness(
                dir,
                TickHarness.Options.of("1000000"),
                harness -> new AdvisorStep(
                        Optional.of(
                                BackgroundAdvisor.start(hanging, new AdviceRecorder(harness.store, harness.clock), 1)),
                        harness.clock));
        h.exchange.price(BTC, "100000000");
        h.strategy.next = SignalType.BUY;

        TickReport first = h.ticks.tick(BTC);
        assertThat(hanging.entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 5; i++) {
            h.clock.advance(Duration.ofHours(1));
            h.ticks.tick(BTC);
        }
        h.advisor.close();

        assertThat(first.action()).isEqualTo(TickAction.ORDER);
        assertThat(h.store.recentOrders(100, 0)).isNotEmpty();
        assertThat(hanging.interrupted).isTrue();
        assertThat(h.store.recentDecisions(AdviceRecorder.KIND, null, 10)).isEmpty();
    }

    @Test
    void recordsAdviceWhenItArrivesWithTheCandleItIsAboutAndWhenItWasAsked() throws Exception {
        h = new TickHarness(dir, "1000000");
        Instant candle = Instant.parse("2025-10-21T09:00:00Z");
        Instant asked = Instant.parse("2025-10-21T09:30:00Z");
        h.clock.set(Instant.parse("2025-10-21T12:30:00Z"));

        new AdviceRecorder(h.store, h.clock)
                .accept(
                        new Advisor.Question("BTC/KRW", candle, asked, Map.of("price", "1")),
                        new Advisor.Advice("SELL_CONSIDER", 0.7, "momentum fading", "thin book"));

        DecisionEntry entry =
                h.store.recentDecisions(AdviceRecorder.KIND, BTC, 10).get(0);
        assertThat(entry.time()).as("when it arrived").isEqualTo(Instant.parse("2025-10-21T12:30:00Z"));
        assertThat(entry.decision()).isEqualTo("SELL_CONSIDER");
        assertThat(entry.reason()).isEqualTo("momentum fading");
        JsonNode details = JSON.readTree(entry.detailsJson());
        assertThat(details.path("candle_time").asText()).isEqualTo("2025-10-21T09:00:00Z");
        assertThat(details.path("asked_at").asText()).isEqualTo("2025-10-21T09:30:00Z");
        assertThat(details.path("confidence").asDouble()).isEqualTo(0.7);
        assertThat(details.path("risk_notes").asText()).isEqualTo("thin book");
    }

    /** Never answers: waits until interrupted. */
    private static final class HangingAdvisor implements Advisor {

        final CountDownLatch entered = new CountDownLatch(1);
        volatile boolean interrupted;

        @Override
        public Optional<Advice> advise(Question question) {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
            }
            return Optional.of(new Advice("SELL_CONSIDER", 1, "too late", ""));
        }
    }
}
