package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No answer carries bytes of another connection. Jetty can write into a request buffer after giving it
 * back when it refuses a malformed request that is still arriving; the dashboard's connector therefore
 * never hands a buffer to a second connection.
 */
class DashboardConnectionIsolationTest {

    private static final int PAIRS = 300;

    @TempDir
    Path dir;

    private DashboardHarness dashboard;

    @BeforeEach
    void start() {
        dashboard = DashboardHarness.start(dir);
    }

    @AfterEach
    void stop() {
        dashboard.close();
    }

    @Test
    void aBufferGivenBackIsNeverHandedToAnotherConnection() {
        ByteBufferPool buffers = dashboard.server.connectorBuffers();
        for (boolean direct : new boolean[] {false, true}) {
            RetainableByteBuffer first = buffers.acquire(8192, direct);
            java.nio.ByteBuffer given = first.getByteBuffer();
            first.release();
            RetainableByteBuffer second = buffers.acquire(8192, direct);

            assertThat(second.getByteBuffer()).isNotSameAs(given);
            second.release();
        }
    }

    @Test
    void anAnswerToAMalformedRequestNeverCarriesTheRequestRefusedJustBefore() throws IOException {
        RawHttp client = new RawHttp("127.0.0.1", dashboard.server.port(), 10_000);
        String host = "Host: 127.0.0.1:" + dashboard.server.port();
        for (int i = 0; i < PAIRS; i++) {
            String canary = "canary-" + i;
            // a target longer than Jetty reads before refusing it, still arriving when it answers 414
            RawHttp.Exchange refused = client.send(
                    "GET /api/status/" + "x".repeat(8_000 + 40 * i) + " HTTP/1.1",
                    List.of(host, "Cookie: ct_session=" + canary, "Origin: null", "X-Forwarded-For: 10.0.0.1"),
                    new byte[0]);
            RawHttp.Exchange next = client.send(
                    "TRACE /assets/%00/app.js/%3F?=%2BInfinity&limit=50 HTTP/1.1", List.of(host), new byte[0]);

            assertThat(refused.rawText()).as("answer %d to the long request", i).startsWith("HTTP/1.1 4");
            assertThat(next.rawText())
                    .as("answer %d to the request after it", i)
                    .startsWith("HTTP/1.1 400 ")
                    .doesNotContain(canary, "xxxxxxxx", "X-Forwarded-For");
        }
    }
}
