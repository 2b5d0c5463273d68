package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final LlmRequest REQUEST = new LlmRequest("s", "u", 10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedLlmClient client = new ScriptedLlmClient();

    private static LlmException failure(LlmException.Kind kind) {
        return new LlmException(kind, "test " + kind);
    }

    @Test
    void backsOffExponentiallyWithoutAServerHint() {
        RetryPolicy policy = new RetryPolicy(
                4, Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofMinutes(1), sleeper, clock);
        client.fail(failure(LlmException.Kind.TIMEOUT))
                .fail(failure(LlmException.Kind.UNAVAILABLE))
                .fail(failure(LlmException.Kind.RATE_LIMITED))
                .fail(failure(LlmException.Kind.TIMEOUT))
                .reply("done");

        assertThat(policy.call(client, REQUEST).text()).isEqualTo("done");

        assertThat(sleeper.waits())
                .containsExactly(
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void neverRetriesPermanentFailures() {
        RetryPolicy policy = RetryPolicy.standard(Duration.ofMinutes(1), sleeper, clock);
        for (LlmException.Kind kind : new LlmException.Kind[] {
            LlmException.Kind.QUOTA_EXHAUSTED,
            LlmException.Kind.AUTH,
            LlmException.Kind.BAD_REQUEST,
            LlmException.Kind.MALFORMED
        }) {
            client.fail(failure(kind));

            assertThat(catchThrowableOfType(LlmException.class, () -> policy.call(client, REQUEST))
                            .kind())
                    .isEqualTo(kind);
        }
        assertThat(client.requests()).hasSize(4);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void stopsRetryingWhenTheWaitWouldPassTheDeadline() {
        RetryPolicy policy = RetryPolicy.standard(Duration.ofSeconds(5), sleeper, clock);
        client.fail(new LlmException(LlmException.Kind.RATE_LIMITED, "slow", Duration.ofSeconds(4), null))
                .fail(new LlmException(LlmException.Kind.RATE_LIMITED, "slower", Duration.ofSeconds(4), null));

        LlmException e = catchThrowableOfType(LlmException.class, () -> policy.call(client, REQUEST));

        assertThat(e.getMessage()).isEqualTo("slower");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(4));
        assertThat(client.requests()).hasSize(2);
    }

    @Test
    void givesUpWithTheFailureWhenInterruptedWhileWaiting() {
        RetryPolicy policy = RetryPolicy.standard(
                Duration.ofMinutes(1),
                d -> {
                    throw new InterruptedException();
                },
                clock);
        LlmException first = failure(LlmException.Kind.UNAVAILABLE);
        client.fail(first);

        try {
            assertThat(catchThrowableOfType(LlmException.class, () -> policy.call(client, REQUEST)))
                    .isSameAs(first);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void treatsANegativeHintAsNoWait() {
        RetryPolicy policy = RetryPolicy.standard(Duration.ofMinutes(1), sleeper, clock);

        assertThat(policy.delay(new LlmException(LlmException.Kind.RATE_LIMITED, "x", Duration.ofSeconds(-3), null), 1))
                .isZero();
    }
}
