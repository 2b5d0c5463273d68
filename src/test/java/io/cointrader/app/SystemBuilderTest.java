package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.config.ConfigException;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.logging.Redactor;
import io.cointrader.state.MetaKeys;
import io.cointrader.state.SqliteStateStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemBuilderTest {

    @TempDir
    Path work;

    @Test
    void bindsANewDatabaseToTheModeItFirstTradesIn() {
        Settings paper = replaySettings();

        SystemBuilder.build(paper, Redactor.withSecrets(List.of()), line -> {}).close();

        try (SqliteStateStore store = SqliteStateStore.open(paper.storage().dbPath())) {
            assertThat(store.meta(MetaKeys.ACCOUNT_MODE)).hasValue("paper");
        }
    }

    @Test
    void refusesPaperTradingOnADatabaseOfALiveAccount() {
        Settings paper = replaySettings();
        try (SqliteStateStore store = SqliteStateStore.open(paper.storage().dbPath())) {
            store.putMeta(MetaKeys.ACCOUNT_MODE, "live");
        }

        assertThatThrownBy(() -> SystemBuilder.build(paper, Redactor.withSecrets(List.of()), line -> {}))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TRADING_MODE")
                .hasMessageContaining("trades in live mode")
                .hasMessageContaining("--mode live");
    }

    private Settings replaySettings() {
        return SettingsLoader.load(
                        Map.of(
                                "EXCHANGE",
                                "replay",
                                "DB_PATH",
                                work.resolve("t.db").toString()),
                        Map.of(),
                        work)
                .settings();
    }
}
