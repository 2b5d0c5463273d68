package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trader selftest} as a new user runs it: a fresh folder, default settings, no network. */
class SelftestIT {

    @TempDir
    Path dir;

    @Test
    void explainsWhatIsUnreachableAndWhatIsFineOnAFreshFolder() throws Exception {
        // the default exchange, but nothing listens there: as on a machine without network
        TraderProcess.Result result =
                new TraderProcess(dir).run(Map.of("UPBIT_BASE_URL", "http://127.0.0.1:9"), "selftest");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(line(result, "exchange")).contains("FAIL", "unreachable");
        assertThat(result.out()).contains("check the network (or use --exchange replay to work offline)");
        assertThat(line(result, "configuration")).contains("PASS", "paper mode");
        assertThat(line(result, "database")).contains("PASS", "created at the first run");
        assertThat(line(result, "log directory")).contains("PASS");
        assertThat(line(result, "kill switch")).contains("PASS", "off");
        assertThat(line(result, "exchange keys")).contains("SKIP");
        assertThat(line(result, "key expiry")).contains("SKIP", "paper mode");
        assertThat(line(result, "llm advisor")).contains("SKIP");
        assertThat(line(result, "slack")).contains("SKIP");
        assertThat(result.out()).contains("selftest FAILED: 1 check(s) need attention");
        assertThat(dir.resolve("data/coin_trader.db")).doesNotExist();
    }

    @Test
    void passesOfflineOnTheReplayExchange() throws Exception {
        TraderProcess.Result result = new TraderProcess(dir).run("selftest", "--exchange", "replay");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("selftest passed");
    }

    @Test
    void inLiveModeSaysWhenTheExchangeKeyExpires() throws Exception {
        try (SimRehearsal rehearsal = new SimRehearsal(dir)) {
            Map<String, String> env = new java.util.HashMap<>(rehearsal.env());
            env.put("TRADING_MODE", "live");

            TraderProcess.Result result = new TraderProcess(dir).run(env, "selftest");

            assertThat(line(result, "exchange keys")).contains("PASS", "decrypts");
            assertThat(line(result, "key expiry")).contains("PASS", "expires on", "KST", "days left");
            assertThat(result.out() + result.err())
                    .doesNotContain(SimRehearsal.ACCESS, SimRehearsal.SECRET, SimRehearsal.MASTER);
        }
    }

    @Test
    void sendsASlackTestMessageOnlyWhenAskedAndReportsARejectedWebhook() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/services/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean gone = exchange.getRequestURI().getPath().contains("gone");
            byte[] body = (gone ? "no_service" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(gone ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        slack.start();
        String base = "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T000/B000/";
        try {
            TraderProcess.Result quiet = new TraderProcess(dir)
                    .run(Map.of("SLACK_WEBHOOK_URL", base + "canarysecret1"), "selftest", "--exchange", "replay");
            TraderProcess.Result sent = new TraderProcess(dir)
                    .run(
                            Map.of("SLACK_WEBHOOK_URL", base + "canarysecret1"),
                            "selftest",
                            "--exchange",
                            "replay",
                            "--notify");
            TraderProcess.Result gone = new TraderProcess(dir)
                    .run(
                            Map.of("SLACK_WEBHOOK_URL", base + "gonecanary2"),
                            "selftest",
                            "--exchange",
                            "replay",
                            "--notify");

            assertThat(line(quiet, "slack")).contains("PASS", "not contacted");
            assertThat(line(sent, "slack")).contains("PASS", "delivered");
            assertThat(sent.exitCode()).isZero();
            assertThat(received).hasSize(2);
            assertThat(received.get(0)).contains("coin-trader");
            assertThat(line(gone, "slack")).contains("FAIL", "404");
            assertThat(gone.exitCode()).isEqualTo(1);
            for (TraderProcess.Result r : List.of(quiet, sent, gone)) {
                assertThat(r.out() + r.err()).doesNotContain("canarysecret1", "gonecanary2");
            }
        } finally {
            slack.stop(0);
        }
    }

    private static String line(TraderProcess.Result result, String check) {
        return result.out()
                .lines()
                .filter(l -> l.startsWith(check + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + check + " in:\n" + result.out()));
    }
}
