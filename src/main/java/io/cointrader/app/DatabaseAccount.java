package io.cointrader.app;

import io.cointrader.config.ConfigResult;
import io.cointrader.config.Settings;
import io.cointrader.state.MetaKeys;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The exchange and the mode an existing database trades on. A command that works on that account
 * (status, kill, release, the dashboard) follows them unless the user chose otherwise, and says so: a
 * database filled by {@code trader run --exchange replay} is then read as a replay account by a plain
 * {@code trader status}. What the user gave explicitly is never overridden; {@link
 * SystemBuilder#checkAccount} still refuses a contradiction.
 */
final class DatabaseAccount {

    /** What may follow the database. */
    enum Follow {
        /** Exchange and mode: commands that only read the account or reduce its risk. */
        EXCHANGE_AND_MODE,
        /** The exchange only: trading never switches to live mode on its own. */
        EXCHANGE
    }

    private DatabaseAccount() {}

    /**
     * The settings overrides that make {@code loaded} follow the database, empty when nothing needs to
     * change (no database yet, nothing recorded, the user's choice, or already the same).
     */
    static Map<String, String> overrides(ConfigResult loaded, Follow follow) {
        Settings settings = loaded.settings();
        if (!Files.isRegularFile(settings.storage().dbPath())) {
            return Map.of();
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        try (StateStore store = SqliteStateStore.open(settings.storage().dbPath())) {
            adopt(loaded, "EXCHANGE", lower(settings.exchange()), store.meta(MetaKeys.ACCOUNT_EXCHANGE), overrides);
            if (follow == Follow.EXCHANGE_AND_MODE) {
                adopt(loaded, "TRADING_MODE", lower(settings.mode()), store.meta(MetaKeys.ACCOUNT_MODE), overrides);
            }
        }
        return overrides;
    }

    /** The line that tells the user what was followed. */
    static String notice(Settings settings, Map<String, String> overrides) {
        StringBuilder text = new StringBuilder(
                "following the account in " + Display.path(settings.storage().dbPath()));
        overrides.forEach(
                (name, value) -> text.append(", ").append(name).append('=').append(value));
        return text.append(" (give --exchange or --mode to choose another)").toString();
    }

    private static void adopt(
            ConfigResult loaded, String variable, String current, Optional<String> stored, Map<String, String> out) {
        if (stored.isPresent() && !loaded.gave(variable) && !stored.get().equals(current)) {
            out.put(variable, stored.get());
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
