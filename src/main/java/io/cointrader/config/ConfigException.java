package io.cointrader.config;

/**
 * An invalid setting. The message is always one line, {@code <SETTING>: <what is wrong>; allowed:
 * <what is allowed>}, fit to be shown to the user as is (exit code 2, no stack trace). It never
 * contains the value of a secret setting.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public ConfigException(String setting, String problem, String allowed) {
        super(OneLine.of(setting) + ": " + OneLine.of(problem) + "; allowed: " + OneLine.of(allowed));
        this.setting = OneLine.of(setting);
    }

    /** The variable name (e.g. {@code MAX_POSITIONS}), or {@code .env} for a problem of the file itself. */
    public String setting() {
        return setting;
    }
}
