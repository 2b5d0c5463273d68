package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveGateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;

    private final List<String> prompts = new ArrayList<>();

    private Terminal typing(String answer) {
        return new Terminal() {
            @Override
            public Optional<String> readLine(String prompt) {
                prompts.add(prompt);
                return Optional.ofNullable(answer);
            }
        };
    }

    private Settings settings(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("LIVE_MODE_TOKEN_PATH", dir.resolve("live_mode_token.txt").toString());
        return SettingsLoader.load(Map.of(), env, dir).settings();
    }

    private void token(Duration age) throws Exception {
        Path token = dir.resolve("live_mode_token.txt");
        Files.writeString(token, "yes");
        Files.setLastModifiedTime(token, FileTime.from(NOW.minus(age)));
    }

    private LiveGate gate(Terminal terminal) {
        return new LiveGate(Clock.fixed(NOW, ZoneOffset.UTC), terminal);
    }

    @Test
    void refusesWithoutTokenFileBeforeAskingAnything() {
        assertThatThrownBy(() -> gate(typing(LiveGate.PHRASE)).check(settings(Map.of())))
                .hasMessageStartingWith("LIVE_MODE_TOKEN_PATH: no live-mode token");
        assertThat(prompts).isEmpty();
    }

    @Test
    void refusesATokenOlderThanADay() throws Exception {
        token(Duration.ofHours(24).plusSeconds(1));

        assertThatThrownBy(() -> gate(typing(LiveGate.PHRASE)).check(settings(Map.of())))
                .hasMessageContaining("older than 24 hours");
    }

    @Test
    void acceptsAFreshTokenAndTheTypedPhrase() throws Exception {
        token(Duration.ofHours(23));

        assertThatCode(() -> gate(typing(LiveGate.PHRASE)).check(settings(Map.of())))
                .doesNotThrowAnyException();
        assertThat(prompts).singleElement().asString().contains(LiveGate.PHRASE);
    }

    @Test
    void refusesAWrongTypedPhrase() throws Exception {
        token(Duration.ofMinutes(1));

        assertThatThrownBy(() -> gate(typing("yes")).check(settings(Map.of()))).hasMessageContaining("not confirmed");
    }

    @Test
    void anUnattendedRunNeedsTheEnvironmentPhrase() throws Exception {
        token(Duration.ofMinutes(1));

        assertThatThrownBy(() -> gate(typing(null)).check(settings(Map.of())))
                .hasMessageContaining("LIVE_TRADING_CONFIRMATION");
        assertThatCode(() -> gate(typing(null)).check(settings(Map.of("LIVE_TRADING_CONFIRMATION", LiveGate.PHRASE))))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () -> gate(typing(null)).check(settings(Map.of("LIVE_TRADING_CONFIRMATION", "i understand"))))
                .hasMessageContaining("wrong phrase");
    }
}
