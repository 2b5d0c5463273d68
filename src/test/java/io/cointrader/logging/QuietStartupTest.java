package io.cointrader.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A normal start in a fresh JVM: no Logback status lines, nothing below WARN on the terminal. */
class QuietStartupTest {

    @TempDir
    Path dir;

    @Test
    void printsOnlyTheRedactedWarningOnANormalStart() throws Exception {
        String token = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        StartupProbe.class.getName(),
                        dir.resolve("logs").toString(),
                        token)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String stdout = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
        String stderr = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);

        assertThat(finished).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(stdout).isEmpty();
        assertThat(stderr.lines().toList())
                .singleElement()
                .asString()
                .endsWith("WARN io.cointrader.app.Main - warn before configuration Authorization: ***");
        List<String> general = LogFiles.jsonLines(dir.resolve("logs/general.jsonl")).stream()
                .map(node -> node.path("message").asText())
                .toList();
        assertThat(general).containsExactly("debug after configuration", "info after configuration");
        assertThat(LogFiles.jsonLines(dir.resolve("logs/decisions.jsonl"))).hasSize(1);
    }
}
