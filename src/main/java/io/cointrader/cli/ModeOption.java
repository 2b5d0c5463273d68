package io.cointrader.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --mode} option of the commands that act for one trading mode; it maps to TRADING_MODE. */
public final class ModeOption {

    @Option(
            names = "--mode",
            paramLabel = "paper|live",
            description = "Trading mode (TRADING_MODE); paper is the default.")
    String mode;

    /** Puts TRADING_MODE into {@code overrides} when the option was given. */
    void putInto(Map<String, String> overrides) {
        SettingOptions.put(overrides, "TRADING_MODE", mode);
    }
}
