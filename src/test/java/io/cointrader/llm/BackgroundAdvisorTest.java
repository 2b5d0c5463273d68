package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.cointrader.core.Secret;
import io.cointrader.testing.LogCapture;
import io.cointrader.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundAdvisorTest {

    /** Only a bound on how long a broken test hangs; a passing test never waits this long. */
    private static final long BOUND_SECONDS = 10;

    private static final Instant T0 = Instant.parse("2025-10-21T09:00:00Z");

    private final GatedAdvisor advisor = new GatedAdvisor();
    private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
    private BackgroundAdvisor background;

    @AfterEach
    void stop() {
        if (background != null) {
            background.close();
        }
        advisor.gate.release(1_000);
    }

    private BackgroundAdvisor start(Advisor advisor, int capacity) {
        background = BackgroundAdvisor.start(
                advisor, (q, a) -> delivered.add(name(q) + " " + a.action() + " " + a.reasoning()), capacity);
        return background;
    }

    private static Advisor.Question question(String symbol, int hour) {
        Instant askedAt = T0.plus(Duration.ofHours(hour));
        return new Advisor.Question(symbol, askedAt.minus(Duration.ofHours(1)), askedAt, Map.of("price", "1"));
    }

    private static String name(Advisor.Question q) {
        return q.symbol() + "@" + Duration.between(T0, q.askedAt()).toHours();
    }

    private String nextAsked() throws InterruptedException {
        Advisor.Question q = advisor.asked.poll(BOUND_SECONDS, TimeUnit.SECONDS);
        return q == null ? "nothing" : name(q);
    }

    @Test
    void asksOffTheCallersThreadAndDeliversEachAdviceWithTheQuestionItAnswers() throws Exception {
        start(advisor, 4);

        background.ask(question("KRW-BTC", 1));
        assertThat(nextAsked()).isEqualTo("KRW-BTC@1");
        assertThat(advisor.threads).containsOnly("llm-advisor");
        advisor.gate.release();

        assertThat(delivered.poll(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("KRW-BTC@1 HOLD about KRW-BTC@1");
    }

    @Test
    void drainWaitsUntilEveryQuestionHandedOverIsAnswered() throws Exception {
        start(advisor, 4);
        background.ask(question("KRW-BTC", 1));
        background.ask(question("KRW-ETH", 1));
        advisor.gate.release(2);

        background.drain(Duration.ofSeconds(BOUND_SECONDS));

        assertThat(delivered).hasSize(2);
    }

    @Test
    void drainGivesUpAfterItsLimitWhileTheAdvisorHangs() throws Exception {
        start(advisor, 4);
        background.ask(question("KRW-BTC", 1));
        assertThat(nextAsked()).isEqualTo("KRW-BTC@1");

        background.drain(Duration.ofMillis(50));

        assertThat(delivered).isEmpty();
    }

    @Test
    void whileTheAdvisorIsBusyANewQuestionForASymbolReplacesTheOneWaiting() throws Exception {
        start(advisor, 4);
        background.ask(question("KRW-BTC", 1));
        assertThat(nextAsked()).isEqualTo("KRW-BTC@1");

        // the advisor hangs on the first question; the loop goes on asking, and nothing blocks it
        for (int hour = 2; hour <= 100; hour++) {
            background.ask(question("KRW-BTC", hour));
            if (hour == 50) {
                background.ask(question("KRW-ETH", hour));
            }
        }
        advisor.gate.release(3);

        assertThat(List.of(nextAsked(), nextAsked())).containsExactly("KRW-ETH@50", "KRW-BTC@100");
        assertThat(List.of(poll(), poll(), poll()))
                .containsExactly(
                        "KRW-BTC@1 HOLD about KRW-BTC@1",
                        "KRW-ETH@50 HOLD about KRW-ETH@50",
                        "KRW-BTC@100 HOLD about KRW-BTC@100");
    }

    @Test
    void dropsAQuestionForAnotherSymbolWhenTheQueueIsFull() throws Exception {
        start(advisor, 2);
        background.ask(question("KRW-BTC", 1));
        assertThat(nextAsked()).isEqualTo("KRW-BTC@1");

        background.ask(question("KRW-ETH", 2));
        background.ask(question("KRW-XRP", 2));
        background.ask(question("KRW-SOL", 2));
        advisor.gate.release(3);
        assertThat(List.of(nextAsked(), nextAsked())).containsExactly("KRW-ETH@2", "KRW-XRP@2");

        background.ask(question("KRW-DOGE", 3));
        assertThat(nextAsked()).as("the SOL question was dropped, not kept").isEqualTo("KRW-DOGE@3");
    }

    @Test
    void closingInterruptsTheCallInFlightAndDeliversNothingMore() throws Exception {
        start(advisor, 4);
        background.ask(question("KRW-BTC", 1));
        assertThat(nextAsked()).isEqualTo("KRW-BTC@1");
        background.ask(question("KRW-ETH", 1));

        background.close();

        assertThat(background.stopped()).isTrue();
        assertThat(advisor.interrupted).isTrue();
        assertThat(advisor.closed).isTrue();
        background.ask(question("KRW-XRP", 2));
        advisor.gate.release(10);
        assertThat(advisor.asked).isEmpty();
        assertThat(delivered).isEmpty();
    }

    @Test
    void stopsAtOnceWhileTheModelServerHangs() throws Exception {
        MutableClock wall = new MutableClock(T0);
        try (FakeLlmServer server = new FakeLlmServer();
                LogCapture logs = LogCapture.of("io.cointrader.llm", Level.INFO)) {
            server.then(FakeLlmServer.Reply.hanging(), FakeLlmServer.Reply.hanging());
            OpenAiClient client = new OpenAiClient(
                    LlmClients.httpClient(Duration.ofSeconds(10)),
                    server.baseUrl(),
                    Secret.of("sk-test-0000000000000000"),
                    "gpt-test",
                    Duration.ofMinutes(5),
                    wall);
            LlmAdvisor llm = new LlmAdvisor(
                    client,
                    new AdvisorBudget(100, 100_000),
                    BigDecimal.ZERO,
                    wall,
                    RetryPolicy.standard(Duration.ofMinutes(5), Sleeper.THREAD, wall));
            start(llm, 4);
            background.ask(question("KRW-BTC", 1));
            assertThat(server.awaitRequests(1, Duration.ofSeconds(BOUND_SECONDS)))
                    .isTrue();
            for (int hour = 2; hour < 50; hour++) {
                background.ask(question("KRW-BTC", hour));
            }

            long start = System.nanoTime();
            background.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(background.stopped())
                    .as(
                            "the asking thread ended within %s, not after the 5 minute timeout",
                            BackgroundAdvisor.STOP_WAIT)
                    .isTrue();
            assertThat(took).isLessThan(BackgroundAdvisor.STOP_WAIT.plusSeconds(1));
            assertThat(server.requests()).hasSize(1);
            assertThat(delivered).isEmpty();
            assertThat(logs.events(Level.WARN)).as("a stop is not a failure").isEmpty();
        }
    }

    private String poll() throws InterruptedException {
        return delivered.poll(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    /** Answers HOLD to each question once the test opens the gate for it; records what it was asked. */
    private static final class GatedAdvisor implements Advisor {

        final BlockingQueue<Question> asked = new LinkedBlockingQueue<>();
        final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Semaphore gate = new Semaphore(0);
        volatile boolean interrupted;
        volatile boolean closed;

        @Override
        public Optional<Advice> advise(Question question) {
            threads.add(Thread.currentThread().getName());
            asked.add(question);
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            return Optional.of(new Advice("HOLD", 0.5, "about " + name(question), ""));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
