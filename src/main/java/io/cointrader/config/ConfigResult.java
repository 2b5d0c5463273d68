package io.cointrader.config;

import java.util.List;

/**
 * Loaded settings and the warnings met on the way (ignored or empty variables, risky choices), one
 * line each, free of secret values, to be logged at start-up.
 */
public record ConfigResult(Settings settings, List<String> warnings) {

    public ConfigResult {
        warnings = List.copyOf(warnings);
    }
}
