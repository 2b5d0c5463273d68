package io.cointrader.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    private static final List<String> FILES = List.of("decisions", "orders", "fills", "balances", "safety", "general");

    @TempDir
    Path dir;

    @AfterEach
    void restoreLogging() {
        LogFiles.restoreBootstrapConfiguration();
    }

    @Test
    void createsTheDirectoryAndSixJsonlFiles() {
        Path logDir = dir.resolve("nested/logs");

        LogSetup.configure(logDir, "INFO", new Redactor());

        for (String name : FILES) {
            assertThat(logDir.resolve(name + ".jsonl")).isRegularFile();
        }
    }

    @Test
    void eachEventLandsOnlyInItsOwnFile() {
        LogSetup.configure(dir, "INFO", new Redactor());
        EventLog events = new EventLog();

        events.decision("signal_evaluated", Map.of("kind", "decision"));
        events.order("order_submitted", Map.of("kind", "order"));
        events.fill("order_filled", Map.of("kind", "fill"));
        events.balance("balance_snapshot", Map.of("kind", "balance"));
        events.safety("kill_switch_activated", Map.of("kind", "safety"));
        events.general("tick_completed", Map.of("kind", "general"));
        LoggerFactory.getLogger("io.cointrader.app.Loop").info("plain log line");
        LogSetup.shutdown();

        assertThat(events(dir, "decisions")).containsExactly("signal_evaluated");
        assertThat(events(dir, "orders")).containsExactly("order_submitted");
        assertThat(events(dir, "fills")).containsExactly("order_filled");
        assertThat(events(dir, "balances")).containsExactly("balance_snapshot");
        assertThat(events(dir, "safety")).containsExactly("kill_switch_activated");
        assertThat(LogFiles.jsonLines(dir.resolve("general.jsonl")))
                .extracting(node -> node.path("message").asText())
                .containsExactly("tick_completed", "plain log line");
    }

    @Test
    void writesOneLogstashJsonObjectPerLineWithUtcTimestamp() {
        LogSetup.configure(dir, "INFO", new Redactor());
        org.slf4j.Logger log = LoggerFactory.getLogger("io.cointrader.app.Loop");

        log.info("first");
        log.warn("second", new IllegalStateException("boom"));
        LogSetup.shutdown();

        List<JsonNode> lines = LogFiles.jsonLines(dir.resolve("general.jsonl"));
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0);
        assertThat(first.path("message").asText()).isEqualTo("first");
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(first.path("logger_name").asText()).isEqualTo("io.cointrader.app.Loop");
        String timestamp = first.path("@timestamp").asText();
        assertThat(timestamp).endsWith("Z");
        assertThat(Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(timestamp)))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(lines.get(1).path("stack_trace").asText())
                .startsWith("java.lang.IllegalStateException: boom")
                .contains("at io.cointrader.logging.LogSetupTest");
    }

    @Test
    void levelFiltersGeneralButEventFilesKeepInfoEvents() {
        LogSetup.configure(dir, "warn", new Redactor());
        org.slf4j.Logger log = LoggerFactory.getLogger("io.cointrader.app.Loop");

        log.info("dropped");
        log.warn("kept");
        new EventLog().order("order_submitted", Map.of());
        LogSetup.shutdown();

        assertThat(LogFiles.jsonLines(dir.resolve("general.jsonl")))
                .extracting(node -> node.path("message").asText())
                .containsExactly("kept");
        assertThat(events(dir, "orders")).containsExactly("order_submitted");
    }

    @Test
    void debugLevelReachesGeneral() {
        LogSetup.configure(dir, "DEBUG", new Redactor());

        LoggerFactory.getLogger("io.cointrader.app.Loop").debug("detail");
        LogSetup.shutdown();

        assertThat(LogFiles.jsonLines(dir.resolve("general.jsonl")))
                .extracting(node -> node.path("level").asText())
                .containsExactly("DEBUG");
    }

    @Test
    void canBeConfiguredAgainWithAnotherDirectory() {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        EventLog events = new EventLog();

        LogSetup.configure(first, "INFO", new Redactor());
        events.fill("one", Map.of());
        LogSetup.configure(first, "INFO", new Redactor());
        events.fill("two", Map.of());
        LogSetup.configure(second, "INFO", new Redactor());
        events.fill("three", Map.of());
        LogSetup.shutdown();

        assertThat(events(first, "fills")).containsExactly("one", "two");
        assertThat(events(second, "fills")).containsExactly("three");
    }

    @Test
    void rejectsUnknownLevel() {
        assertThatThrownBy(() -> LogSetup.configure(dir, "VERBOSE", new Redactor()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VERBOSE");
    }

    @Test
    void failsLoudlyWhenTheDirectoryCannotBeCreated() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> LogSetup.configure(blocker.resolve("logs"), "INFO", new Redactor()))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void failsLoudlyWhenALogFileCannotBeOpened() throws Exception {
        Files.createDirectories(dir.resolve("orders.jsonl"));

        assertThatThrownBy(() -> LogSetup.configure(dir, "INFO", new Redactor()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("cannot start orders appender: .*orders.jsonl.*");
    }

    @Test
    void rollsEachFileDailyAndBySizeIntoGzippedArchives() {
        LogSetup.configure(dir, "INFO", new Redactor());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        for (String name : FILES) {
            Logger logger = context.getLogger(name.equals("general") ? Logger.ROOT_LOGGER_NAME : "cointrader." + name);
            RollingFileAppender<?> appender = (RollingFileAppender<?>) logger.getAppender(name);
            SizeAndTimeBasedRollingPolicy<?> policy = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
            assertThat(appender.getFile())
                    .isEqualTo(dir.resolve(name + ".jsonl").toString());
            assertThat(policy.getFileNamePattern())
                    .isEqualTo(dir.resolve(name + "-%d{yyyy-MM-dd,UTC}.%i.jsonl.gz")
                            .toString());
            assertThat(policy.getMaxHistory()).isEqualTo(30);
            assertThat(appender.getTriggeringPolicy()).isSameAs(policy);
        }
    }

    @Test
    void configuringLeavesNoWarningOrErrorStatus() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        long before = System.currentTimeMillis();

        LogSetup.configure(dir, "INFO", new Redactor());
        new EventLog().decision("d", Map.of());
        LogSetup.shutdown();

        assertThat(context.getStatusManager().getCopyOfStatusList())
                .filteredOn(status -> status.getTimestamp() >= before)
                .allSatisfy(status -> assertThat(status.getLevel()).isLessThan(Status.WARN));
    }

    @Test
    void writesWarningsAndAboveToStderrAsOneRedactedLine() {
        String token = "CANARY-CONSOLE-" + UUID.randomUUID();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogSetup.configure(dir, "INFO", new Redactor());
            org.slf4j.Logger log = LoggerFactory.getLogger("io.cointrader.app.Loop");
            log.info("info stays in the file");
            log.warn("upbit call failed\nAuthorization: Bearer {}", token, new IllegalStateException("retry later"));
            LogSetup.shutdown();
        } finally {
            System.setErr(original);
        }

        String stderr = captured.toString(StandardCharsets.UTF_8);
        assertThat(stderr.lines()).hasSize(1);
        assertThat(stderr)
                .doesNotContain(token)
                .doesNotContain("info stays in the file")
                .contains("WARN io.cointrader.app.Loop - upbit call failed\\nAuthorization: ***")
                .contains("| java.lang.IllegalStateException: retry later");
    }

    private static List<String> events(Path logDir, String file) {
        return LogFiles.jsonLines(logDir.resolve(file + ".jsonl")).stream()
                .map(node -> node.path("event").asText())
                .toList();
    }
}
