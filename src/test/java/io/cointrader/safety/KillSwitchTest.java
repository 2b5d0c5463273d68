package io.cointrader.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillSwitchTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:30:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private KillSwitch killSwitchAt(Path file) {
        return new KillSwitch(file, clock);
    }

    @Test
    void isInactiveWithoutFileOrActivation() {
        KillSwitch killSwitch = killSwitchAt(dir.resolve("kill_switch"));

        assertThat(killSwitch.isActive()).isFalse();
        assertThat(killSwitch.status()).isEqualTo(KillSwitchStatus.inactive());
    }

    @Test
    void activationWritesASmallJsonFileCreatingParentDirectories() throws IOException {
        Path file = dir.resolve("RUN/nested/kill_switch");
        KillSwitch killSwitch = killSwitchAt(file);

        killSwitch.activate("5 consecutive API failures", "api-failures");

        assertThat(killSwitch.isActive()).isTrue();
        JsonNode content = new ObjectMapper().readTree(file.toFile());
        assertThat(content.get("reason").asText()).isEqualTo("5 consecutive API failures");
        assertThat(content.get("source").asText()).isEqualTo("api-failures");
        assertThat(content.get("activated_at").asText()).isEqualTo("2025-03-01T09:30:00Z");
        assertThat(content.size()).isEqualTo(3);
        assertThat(killSwitch.status())
                .isEqualTo(new KillSwitchStatus(true, "5 consecutive API failures", "api-failures", T0));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        KillSwitch killSwitch = killSwitchAt(dir.resolve("kill_switch"));

        killSwitch.activate("first", "cli");
        killSwitch.activate("second", "web");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("kill_switch"));
        }
        assertThat(killSwitch.status().reason()).isEqualTo("second");
    }

    @Test
    void survivesARestart() {
        Path file = dir.resolve("kill_switch");
        killSwitchAt(file).activate("manual stop", "cli");
        clock.advance(Duration.ofHours(3));

        KillSwitch afterRestart = killSwitchAt(file);

        assertThat(afterRestart.isActive()).isTrue();
        assertThat(afterRestart.status()).isEqualTo(new KillSwitchStatus(true, "manual stop", "cli", T0));
    }

    @Test
    void seesAFileCreatedByAnotherProcessOnTheNextCheck() throws IOException {
        Path file = dir.resolve("kill_switch");
        KillSwitch running = killSwitchAt(file);
        assertThat(running.isActive()).isFalse();

        Files.writeString(file, "{\"reason\":\"from the dashboard\",\"source\":\"web\"}");

        assertThat(running.isActive()).isTrue();
        assertThat(running.status().reason()).isEqualTo("from the dashboard");
    }

    @Test
    void corruptFileCountsAsActive() throws IOException {
        Path file = dir.resolve("kill_switch");
        Files.writeString(file, "{not json");
        Instant written = Instant.parse("2025-02-28T10:00:00Z");
        Files.setLastModifiedTime(file, FileTime.from(written));
        KillSwitch killSwitch = killSwitchAt(file);

        KillSwitchStatus status = killSwitch.status();

        assertThat(killSwitch.isActive()).isTrue();
        assertThat(status.active()).isTrue();
        assertThat(status.reason()).contains("cannot be read (not valid JSON)");
        assertThat(status.source()).isEqualTo(KillSwitch.UNKNOWN_SOURCE);
        assertThat(status.since()).isEqualTo(written);
    }

    @Test
    void emptyOrForeignFileCountsAsActive() throws IOException {
        Path file = dir.resolve("kill_switch");
        KillSwitch killSwitch = killSwitchAt(file);

        Files.writeString(file, "");
        assertThat(killSwitch.status().active()).isTrue();
        assertThat(killSwitch.status().reason()).contains("(empty)");

        Files.writeString(file, "[1, 2]");
        assertThat(killSwitch.status().active()).isTrue();
        assertThat(killSwitch.status().reason()).contains("(not a JSON object)");

        Files.write(file, new byte[KillSwitch.MAX_FILE_BYTES + 1]);
        assertThat(killSwitch.status().active()).isTrue();
        assertThat(killSwitch.status().reason()).contains("larger than");
    }

    @Test
    void fileWithoutDetailsIsActiveWithPlaceholders() throws IOException {
        Path file = dir.resolve("kill_switch");
        Files.writeString(file, "{\"activated_at\":\"yesterday\"}");
        Instant written = Instant.parse("2025-02-28T10:00:00Z");
        Files.setLastModifiedTime(file, FileTime.from(written));

        assertThat(killSwitchAt(file).status())
                .isEqualTo(new KillSwitchStatus(true, KillSwitch.NO_REASON, KillSwitch.UNKNOWN_SOURCE, written));
    }

    @Test
    void releaseDeletesTheFileAndReportsWhetherItWasActive() {
        Path file = dir.resolve("kill_switch");
        KillSwitch killSwitch = killSwitchAt(file);
        killSwitch.activate("manual stop", "cli");

        assertThat(killSwitch.release("web")).isTrue();

        assertThat(file).doesNotExist();
        assertThat(killSwitch.isActive()).isFalse();
        assertThat(killSwitchAt(file).isActive()).isFalse();
        assertThat(killSwitch.release("web")).isFalse();
    }

    @Test
    void releaseByAnotherProcessResumesThisOne() {
        Path file = dir.resolve("kill_switch");
        KillSwitch running = killSwitchAt(file);
        running.activate("API failures", "api-failures");

        killSwitchAt(file).release("cli");

        assertThat(running.isActive()).isFalse();
    }

    @Test
    void processOnlyActivationLeavesNoFile() {
        Path file = dir.resolve("kill_switch");
        KillSwitch killSwitch = killSwitchAt(file);

        killSwitch.activateForProcess("SIGTERM");

        assertThat(killSwitch.isActive()).isTrue();
        assertThat(file).doesNotExist();
        assertThat(killSwitch.status()).isEqualTo(new KillSwitchStatus(true, "SIGTERM", "process", T0));
        assertThat(killSwitchAt(file).isActive()).as("a restarted process").isFalse();
    }

    @Test
    void processOnlyActivationKeepsTheFirstReasonUntilReleased() {
        KillSwitch killSwitch = killSwitchAt(dir.resolve("kill_switch"));
        killSwitch.activateForProcess("SIGTERM");
        clock.advance(Duration.ofSeconds(1));

        killSwitch.activateForProcess("SIGINT");

        assertThat(killSwitch.status().reason()).isEqualTo("SIGTERM");
        assertThat(killSwitch.release("cli")).isTrue();
        assertThat(killSwitch.isActive()).isFalse();
    }

    @Test
    void fileStatusTakesPrecedenceOverTheProcessFlag() {
        KillSwitch killSwitch = killSwitchAt(dir.resolve("kill_switch"));
        killSwitch.activateForProcess("SIGTERM");

        killSwitch.activate("manual stop", "cli");

        assertThat(killSwitch.status().source()).isEqualTo("cli");
    }

    @Test
    void neverRefusesActivationForAMissingOrOverlongReason() {
        KillSwitch killSwitch = killSwitchAt(dir.resolve("kill_switch"));

        killSwitch.activate("  ", null);
        assertThat(killSwitch.status().reason()).isEqualTo(KillSwitch.NO_REASON);
        assertThat(killSwitch.status().source()).isEqualTo(KillSwitch.UNKNOWN_SOURCE);

        killSwitch.activate("r".repeat(2000), "cli");
        assertThat(killSwitch.status().reason()).hasSize(503).endsWith("...");
    }

    @Test
    void stopsThisProcessEvenWhenTheFileCannotBeWritten() throws IOException {
        Path blocker = Files.writeString(dir.resolve("RUN"), "a file where the directory should be");
        KillSwitch killSwitch = killSwitchAt(blocker.resolve("kill_switch"));

        assertThatThrownBy(() -> killSwitch.activate("API failures", "api-failures"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("active in this process");
        Files.delete(blocker);

        assertThat(killSwitch.isActive()).isTrue();
        assertThat(killSwitch.status()).isEqualTo(new KillSwitchStatus(true, "API failures", "api-failures", T0));
    }

    @Test
    void fileThatCannotBeCheckedCountsAsActiveAndCannotBeReleased() throws IOException {
        Path blocker = Files.writeString(dir.resolve("RUN"), "a file where the directory should be");
        KillSwitch killSwitch = killSwitchAt(blocker.resolve("kill_switch"));

        assertThat(killSwitch.isActive()).isTrue();
        assertThat(killSwitch.status().reason()).contains("cannot be read");
        assertThatThrownBy(() -> killSwitch.release("cli")).isInstanceOf(UncheckedIOException.class);
        assertThat(killSwitch.isActive()).isTrue();
    }
}
