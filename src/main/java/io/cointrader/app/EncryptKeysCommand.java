package io.cointrader.app;

import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.Settings;
import io.cointrader.core.Secret;
import io.cointrader.security.KeyFileException;
import io.cointrader.security.KeyManager;
import io.cointrader.security.KeyPrompt;
import io.cointrader.security.UpbitKeys;
import java.util.Locale;

/**
 * {@code trader encrypt-keys --exchange upbit}: asks for the keys (no echo at a terminal, line by line
 * when piped), and a new master key unless UPBIT_MASTER_KEY is set; writes UPBIT_KEY_FILE as a version 2
 * key file with mode 0600. Nothing that was typed is printed or logged.
 */
final class EncryptKeysCommand {

    private final Settings settings;
    private final Invocation invocation;

    EncryptKeysCommand(Settings settings, Invocation invocation) {
        this.settings = settings;
        this.invocation = invocation;
    }

    int run(String exchange) {
        if (!"upbit".equals(exchange.toLowerCase(Locale.ROOT))) {
            throw new Application.UserError(
                    Application.USAGE, "--exchange: '" + exchange + "' is not supported; allowed: upbit");
        }
        try {
            KeyPrompt prompt = KeyPrompt.onSystemTerminal();
            UpbitKeys keys = prompt.askUpbitKeys();
            Secret master = settings.live().upbitMasterKey().orElseGet(prompt::askNewMasterKey);
            KeyManager.withSystemDefaults().write(settings.live().upbitKeyFile(), master, keys);
        } catch (KeyFileException e) {
            throw new Application.UserError(Application.USAGE, e.getMessage());
        }
        invocation
                .out()
                .println("Upbit keys encrypted to "
                        + Display.path(settings.live().upbitKeyFile())
                        + " (owner read/write only). Live runs unlock them with the master key"
                        + " (UPBIT_MASTER_KEY, or typed at the prompt).");
        return Application.OK;
    }
}
