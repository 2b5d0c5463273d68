package io.cointrader.app;

import io.cointrader.config.Settings;
import io.cointrader.core.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The two steps before live trading (SPEC section 3), checked before anything that can trade is built:
 * (1) the token file exists and is younger than 24 hours; (2) the person types the confirmation phrase,
 * or an unattended run carries it in LIVE_TRADING_CONFIRMATION. Anything else refuses with one line.
 */
final class LiveGate {

    static final String PHRASE = "I_UNDERSTAND_LIVE_TRADING";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    private final Clock clock;
    private final Terminal terminal;

    LiveGate(Clock clock, Terminal terminal) {
        this.clock = clock;
        this.terminal = terminal;
    }

    void check(Settings settings) {
        requireFreshToken(settings.live().liveModeTokenPath());
        requireConfirmation(settings.live().liveConfirmation());
    }

    /**
     * The gate for a person at the dashboard: the same token, and the phrase they typed into the page.
     * LIVE_TRADING_CONFIRMATION is for unattended runs and does not stand in for a click.
     */
    void checkTyped(Settings settings, String typed) {
        requireFreshToken(settings.live().liveModeTokenPath());
        if (!PHRASE.equals(typed == null ? "" : typed.strip())) {
            throw refuse("live trading not confirmed: type " + PHRASE + " exactly; nothing was started");
        }
    }

    private void requireFreshToken(Path token) {
        if (!Files.isRegularFile(token)) {
            throw refuse("LIVE_MODE_TOKEN_PATH: no live-mode token at " + Display.path(token)
                    + "; allowed: create it (e.g. 'date > " + Display.path(token)
                    + "') to confirm you mean to trade real money; it is valid for 24 hours");
        }
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(token).toInstant();
        } catch (IOException e) {
            throw refuse("LIVE_MODE_TOKEN_PATH: cannot read " + Display.path(token) + " (" + e.getMessage() + ")");
        }
        if (Duration.between(modified, clock.instant()).compareTo(TOKEN_LIFETIME) > 0) {
            throw refuse("LIVE_MODE_TOKEN_PATH: the live-mode token " + Display.path(token)
                    + " is older than 24 hours; allowed: a token written within the last 24 hours (refresh it)");
        }
    }

    private void requireConfirmation(Optional<Secret> unattended) {
        if (unattended.isPresent()) {
            if (!PHRASE.equals(unattended.get().reveal().strip())) {
                throw refuse("LIVE_TRADING_CONFIRMATION: wrong phrase; allowed: exactly " + PHRASE);
            }
            return;
        }
        Optional<String> typed = terminal.readLine("Live trading uses real money. Type " + PHRASE + " to continue: ");
        if (typed.isEmpty()) {
            throw refuse("LIVE_TRADING_CONFIRMATION: no terminal to confirm live trading; allowed: run it in a"
                    + " terminal and type the phrase, or set LIVE_TRADING_CONFIRMATION=" + PHRASE
                    + " for an unattended run");
        }
        if (!PHRASE.equals(typed.get().strip())) {
            throw refuse("live trading not confirmed (the phrase did not match); nothing was started");
        }
    }

    private static Application.UserError refuse(String message) {
        return new Application.UserError(Application.USAGE, message);
    }
}
