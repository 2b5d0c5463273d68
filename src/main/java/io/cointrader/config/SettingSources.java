package io.cointrader.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The places a setting can come from, highest precedence first: command-line flags, the
 * environment, the {@code .env} file. Names match ignoring case; the highest layer that names a
 * variable decides, even with an empty value.
 */
final class SettingSources {

    /** A value as written, and where it came from (for messages). */
    record Raw(String text, String origin) {
        boolean isBlank() {
            return text.isBlank();
        }
    }

    private record Layer(String origin, Map<Variable, String> values) {}

    static final String FLAG = "a command-line flag";
    static final String ENVIRONMENT = "the environment";
    static final String DOT_ENV = ".env";

    private final List<Layer> layers;

    private SettingSources(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * Builds the layers, adding a warning line for each {@code .env} entry that is ignored.
     *
     * @throws ConfigException for an override that names no setting, or a variable given twice in
     *     one layer with different values under different spellings
     */
    static SettingSources of(
            Map<String, String> overrides,
            Map<String, String> environment,
            Map<String, String> dotEnv,
            List<String> warnings) {
        for (String name : overrides.keySet()) {
            if (Variable.named(name).isEmpty()) {
                throw new ConfigException(
                        name, "is not a setting of this system", "the variable names of the configuration");
            }
        }
        Map<Variable, String> fromFile = known(DOT_ENV, dotEnv);
        for (String name : dotEnv.keySet()) {
            if (Variable.named(name).isEmpty()) {
                warnings.add(OneLine.of(name) + " in .env is not a setting of this system and was ignored");
            }
        }
        for (Variable v : List.copyOf(fromFile.keySet())) {
            if (!v.allowedInDotEnv()) {
                String value = fromFile.remove(v);
                if (!value.isBlank()) {
                    warnings.add(v.name()
                            + " in .env was ignored: it is taken only from the environment or a prompt, never"
                            + " from a file that other programs and backups can read");
                }
            }
        }
        return new SettingSources(List.of(
                new Layer(FLAG, known(FLAG, overrides)),
                new Layer(ENVIRONMENT, known(ENVIRONMENT, environment)),
                new Layer(DOT_ENV, fromFile)));
    }

    /** The value from the highest layer that names the variable, or empty when none does. */
    Optional<Raw> lookup(Variable v) {
        for (Layer layer : layers) {
            String text = layer.values().get(v);
            if (text != null) {
                return Optional.of(new Raw(text, layer.origin()));
            }
        }
        return Optional.empty();
    }

    private static Map<Variable, String> known(String origin, Map<String, String> source) {
        Map<Variable, String> values = new EnumMap<>(Variable.class);
        Map<Variable, List<String>> spellings = new EnumMap<>(Variable.class);
        source.forEach((name, value) -> {
            Optional<Variable> v = Variable.named(name);
            if (v.isEmpty() || value == null) {
                return;
            }
            spellings.computeIfAbsent(v.get(), k -> new ArrayList<>()).add(name);
            String earlier = values.putIfAbsent(v.get(), value);
            if (earlier != null && !earlier.equals(value)) {
                throw new ConfigException(
                        v.get().name(),
                        origin + " gives it twice with different values, as "
                                + String.join(" and ", spellings.get(v.get())),
                        "one spelling of each variable");
            }
        });
        return values;
    }
}
