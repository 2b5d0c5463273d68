package io.cointrader.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that reads settings; each maps to one setting variable. */
public final class SettingOptions {

    @Option(
            names = "--exchange",
            paramLabel = "upbit|replay",
            description = "Market data source (EXCHANGE). replay = bundled Upbit history, offline.")
    String exchange;

    @Option(
            names = "--symbols",
            paramLabel = "LIST",
            description = "Pairs to trade (TRADING_SYMBOLS), e.g. BTC/KRW,ETH/KRW.")
    String symbols;

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite database file (DB_PATH).")
    String dbPath;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Directory of the JSON-lines logs (LOG_DIR).")
    String logDir;

    @Option(
            names = "--set",
            paramLabel = "NAME=VALUE",
            description = "Any other setting, e.g. --set MAX_POSITION_SIZE_PCT=5 (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    Map<String, String> overrides() {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> out.put(k.trim().toUpperCase(Locale.ROOT), v));
        put(out, "EXCHANGE", exchange);
        put(out, "TRADING_SYMBOLS", symbols);
        put(out, "DB_PATH", dbPath);
        put(out, "LOG_DIR", logDir);
        return out;
    }

    static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
