package io.cointrader.config;

import java.util.List;
import java.util.Set;

/**
 * Loaded settings and the warnings met on the way (ignored or empty variables, risky choices), one
 * line each, free of secret values, to be logged at start-up; and the names of the variables the user
 * gave (a flag, the environment or {@code .env}) rather than left at their defaults.
 */
public record ConfigResult(Settings settings, List<String> warnings, Set<String> given) {

    public ConfigResult {
        warnings = List.copyOf(warnings);
        given = Set.copyOf(given);
    }

    /** Whether the user gave {@code variable} a value, rather than leaving its default. */
    public boolean gave(String variable) {
        return given.contains(variable);
    }
}
