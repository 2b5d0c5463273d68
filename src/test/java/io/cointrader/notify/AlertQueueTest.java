package io.cointrader.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertQueueTest {

    private static Alert alert(Severity severity, String title) {
        return new Alert(severity, title, "", Instant.EPOCH);
    }

    @Test
    void anIncomingInfoAlertIsDroppedRatherThanPushOutACriticalOne() throws Exception {
        AlertQueue queue = new AlertQueue(2);
        queue.offer(alert(Severity.CRITICAL, "c1"));
        queue.offer(alert(Severity.HIGH, "h1"));

        queue.offer(alert(Severity.INFO, "i1"));
        queue.offer(alert(Severity.CRITICAL, "c2"));
        queue.close();

        AlertQueue.Taken first = queue.take();
        assertThat(first.alert().title()).isEqualTo("h1");
        assertThat(first.droppedBefore()).isEqualTo(2);
        assertThat(queue.take().alert().title()).isEqualTo("c2");
        assertThat(queue.take()).isNull();
        assertThat(queue.droppedTotal()).isEqualTo(2);
    }

    @Test
    void refusesAlertsOnceClosed() {
        AlertQueue queue = new AlertQueue(2);
        queue.close();

        assertThat(queue.offer(alert(Severity.CRITICAL, "late"))).isFalse();
        assertThat(queue.isEmpty()).isTrue();
    }
}
