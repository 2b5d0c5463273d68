package io.cointrader.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Canary secrets written through every path into every output; none may come out. */
class RedactionCanaryTest {

    @TempDir
    Path dir;

    private final String upbitSecret = "CANARY-UPBIT-SECRET-" + UUID.randomUUID();
    private final String upbitAccess = "CANARY-UPBIT-ACCESS-" + UUID.randomUUID();
    private final String masterCode = "CANARY-MASTER-" + UUID.randomUUID();
    private final String bearer = "CANARYBEARER" + UUID.randomUUID().toString().replace("-", "");
    private final String slackPath =
            "T0CANARY/B0CANARY/" + UUID.randomUUID().toString().replace("-", "");
    private final String slackUrl = "https://hooks.slack.com/services/" + slackPath;
    private final String openAiKey =
            "sk-proj-CANARY" + UUID.randomUUID().toString().replace("-", "");
    private final String jsonFieldValue = "CANARY-JSON-" + UUID.randomUUID();
    private final String jwt = fakeJwt();

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        MDC.clear();
        System.setErr(originalErr);
        LogFiles.restoreBootstrapConfiguration();
    }

    private List<String> canaries() {
        return List.of(upbitSecret, upbitAccess, masterCode, bearer, slackPath, openAiKey, jsonFieldValue, jwt);
    }

    private static String fakeJwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS512\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload =
                b64.encodeToString(("{\"nonce\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        String signature = b64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + signature;
    }

    @Test
    void noCanaryReachesAnyFileOrStderr() {
        Redactor redactor = Redactor.withSecrets(List.of(Secret.of(upbitSecret), Secret.of(upbitAccess)));
        LogSetup.configure(dir, "INFO", redactor);
        redactor.register(Secret.of(masterCode));
        Logger log = LoggerFactory.getLogger("io.cointrader.exchange.upbit.UpbitAdapter");
        EventLog events = new EventLog();

        writeCanariesInMessages(log);
        writeCanariesInStructuredArguments(log);
        writeCanariesInMdc(log);
        writeCanariesInExceptions(log);
        writeCanariesInEventFields(events);
        LogSetup.shutdown();

        String everything = LogFiles.readEverything(dir) + stderr.toString(StandardCharsets.UTF_8);
        assertThat(everything.lines())
                .as("lines leaking a canary")
                .filteredOn(line -> canaries().stream().anyMatch(line::contains) || line.contains("CANARY"))
                .isEmpty();
        assertEveryLineIsJson();
        assertContextSurvives();
    }

    private void writeCanariesInMessages(Logger log) {
        log.info("signing order with secret {} and access key {}", upbitSecret, upbitAccess);
        log.info("request headers Authorization: Bearer {}", bearer);
        log.info("token was {} for KRW-BTC", jwt);
        log.warn("slack post to {} failed", slackUrl);
        log.warn("llm key {} rejected; body {\"secret_key\":\"{}\"}", openAiKey, jsonFieldValue);
        log.info("dashboard login with master code {}", masterCode);
    }

    private void writeCanariesInStructuredArguments(Logger log) {
        log.info(
                "submitting order {} {}",
                StructuredArguments.kv("access_key", upbitAccess),
                StructuredArguments.value("signature_source", upbitSecret));
        log.atInfo()
                .addKeyValue("webhook", slackUrl)
                .addKeyValue("headers", Map.of("Authorization", "Bearer " + bearer))
                .log("key value pairs");
    }

    private void writeCanariesInMdc(Logger log) {
        MDC.put("request", "GET /v1/accounts Authorization: Bearer " + jwt);
        MDC.put("api_key", openAiKey);
        MDC.put("secret", upbitSecret);
        log.warn("mdc carries request context for KRW-ETH");
        MDC.clear();
    }

    private void writeCanariesInExceptions(Logger log) {
        IOException rootCause = new IOException("connection reset; token=" + jsonFieldValue + " master " + masterCode);
        IllegalStateException cause = new IllegalStateException("upbit said invalid key " + upbitAccess, rootCause);
        RuntimeException top = new RuntimeException("order POST failed with " + slackUrl, cause);
        top.addSuppressed(new IllegalArgumentException("suppressed " + openAiKey));
        log.error("order submission failed for KRW-BTC", top);
    }

    private void writeCanariesInEventFields(EventLog events) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("symbol", "KRW-BTC");
        fields.put("note", "secret " + upbitSecret);
        fields.put("nested", Map.of("jwt", jwt, "list", List.of(upbitSecret, "Bearer " + bearer)));
        fields.put("array", new String[] {slackUrl, openAiKey});
        fields.put(upbitAccess, "key named like a secret");
        fields.put("secret", Secret.of(upbitSecret));
        events.decision("signal_evaluated", fields);
        events.order("order_submitted", fields);
        events.fill("order_filled", fields);
        events.balance("balance_snapshot", fields);
        events.safety("kill_switch_activated", fields);
        events.general("tick_completed", fields);
    }

    private void assertEveryLineIsJson() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(LogFiles.jsonLines(file))
                        .allSatisfy(line -> assertThat(line.isObject()).isTrue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertContextSurvives() {
        List<JsonNode> general = LogFiles.jsonLines(dir.resolve("general.jsonl"));
        assertThat(general)
                .extracting(node -> node.path("message").asText())
                .contains(
                        "signing order with secret *** and access key ***",
                        "request headers Authorization: ***",
                        "token was *** for KRW-BTC",
                        "slack post to https://hooks.slack.com/services/*** failed",
                        "llm key *** rejected; body {\"secret_key\":\"***\"}",
                        "dashboard login with master code ***",
                        "mdc carries request context for KRW-ETH");
        JsonNode structured = line(general, "submitting order");
        assertThat(structured.path("access_key").asText()).isEqualTo("***");
        assertThat(structured.path("signature_source").asText()).isEqualTo("***");
        JsonNode mdc = line(general, "mdc carries");
        assertThat(mdc.path("request").asText()).isEqualTo("GET /v1/accounts Authorization: ***");
        assertThat(mdc.path("api_key").asText()).isEqualTo("***");
        String stackTrace =
                line(general, "order submission failed").path("stack_trace").asText();
        assertThat(stackTrace)
                .contains("java.lang.RuntimeException: order POST failed with https://hooks.slack.com/services/***")
                .contains("Caused by: java.lang.IllegalStateException: upbit said invalid key ***")
                .contains("Caused by: java.io.IOException: connection reset; token=*** master ***")
                .contains("Suppressed: java.lang.IllegalArgumentException: suppressed ***")
                .contains("at io.cointrader.logging.RedactionCanaryTest");
        JsonNode decision = LogFiles.jsonLines(dir.resolve("decisions.jsonl")).get(0);
        assertThat(decision.path("symbol").asText()).isEqualTo("KRW-BTC");
        assertThat(decision.path("note").asText()).isEqualTo("secret ***");
        assertThat(decision.path("nested").path("list").get(0).asText()).isEqualTo("***");
        assertThat(decision.path("nested").path("list").get(1).asText()).isEqualTo("Bearer ***");
        assertThat(decision.path("***").asText()).isEqualTo("key named like a secret");
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("slack post to https://hooks.slack.com/services/*** failed")
                .contains("caused by: java.io.IOException: connection reset; token=*** master ***");
    }

    private static JsonNode line(List<JsonNode> lines, String messagePrefix) {
        return lines.stream()
                .filter(node -> node.path("message").asText().startsWith(messagePrefix))
                .findFirst()
                .orElseThrow();
    }
}
