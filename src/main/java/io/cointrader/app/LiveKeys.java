package io.cointrader.app;

import io.cointrader.config.Settings;
import io.cointrader.core.Secret;
import io.cointrader.exchange.PrivateExchange;
import io.cointrader.exchange.upbit.UpbitCredentials;
import io.cointrader.exchange.upbit.UpbitHttp;
import io.cointrader.exchange.upbit.UpbitPrivateClient;
import io.cointrader.logging.Redactor;
import io.cointrader.security.KeyFileException;
import io.cointrader.security.KeyManager;
import io.cointrader.security.UpbitKeys;
import java.io.Console;
import java.util.Arrays;
import java.util.Optional;

/**
 * Unlocks the Upbit keys for live access: the master key from UPBIT_MASTER_KEY or, at a terminal, a
 * prompt without echo; never from a file. Every secret is registered with the redactor before use.
 */
final class LiveKeys {

    private LiveKeys() {}

    static LiveAccess unlock(Settings settings, Redactor redactor) {
        Secret master = settings.live().upbitMasterKey().orElseGet(LiveKeys::askMasterKey);
        redactor.register(master);
        UpbitKeys keys;
        try {
            keys = KeyManager.withSystemDefaults().read(settings.live().upbitKeyFile(), master);
        } catch (KeyFileException e) {
            throw new Application.UserError(Application.USAGE, "UPBIT_KEY_FILE: " + e.getMessage());
        }
        redactor.register(keys.accessKey());
        redactor.register(keys.secretKey());
        return new Unlocked(new UpbitCredentials(keys.accessKey(), keys.secretKey()));
    }

    /** Live access with decrypted keys; the access key is known, for the key-expiry check. */
    private record Unlocked(UpbitCredentials credentials) implements LiveAccess {

        @Override
        public PrivateExchange connect(UpbitHttp http) {
            return new UpbitPrivateClient(http, credentials);
        }

        @Override
        public Optional<Secret> accessKey() {
            return Optional.of(credentials.accessKey());
        }
    }

    private static Secret askMasterKey() {
        Console console = System.console();
        if (console == null) {
            throw new Application.UserError(
                    Application.USAGE,
                    "UPBIT_MASTER_KEY: not set and there is no terminal to ask for it; allowed: set"
                            + " UPBIT_MASTER_KEY in the environment of an unattended run");
        }
        char[] typed = console.readPassword("Upbit master key: ");
        if (typed == null || typed.length == 0) {
            throw new Application.UserError(Application.USAGE, "UPBIT_MASTER_KEY: no master key was entered");
        }
        Secret secret = Secret.of(new String(typed));
        Arrays.fill(typed, '\0');
        return secret;
    }
}
