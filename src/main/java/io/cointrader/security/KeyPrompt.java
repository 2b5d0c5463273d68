package io.cointrader.security;

import io.cointrader.core.Secret;
import java.util.Arrays;
import java.util.Objects;

/**
 * Asks for the Upbit access key, secret key and master key (twice) for {@code trader encrypt-keys}.
 * Input is never echoed or logged. Values are kept exactly as typed (only the line terminator is
 * removed); the checks on their content belong to {@link KeyManager#write}.
 */
public final class KeyPrompt {

    private final Terminal terminal;

    public KeyPrompt(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** A prompt on the system console, or on standard input and standard error when piped. */
    public static KeyPrompt onSystemTerminal() {
        return new KeyPrompt(Terminal.system());
    }

    /**
     * Asks for all three values.
     *
     * @throws KeyFileException if input ends early, a value is empty, or the two master keys differ
     */
    public EnteredKeys ask() {
        UpbitKeys keys = askUpbitKeys();
        return new EnteredKeys(keys, askNewMasterKey());
    }

    /** Asks for the Upbit access key and secret key. */
    public UpbitKeys askUpbitKeys() {
        Secret access = askOnce("Upbit access key: ", "access key");
        Secret secret = askOnce("Upbit secret key: ", "secret key");
        return new UpbitKeys(access, secret);
    }

    /** Asks for a master key twice; the two entries must match. */
    public Secret askNewMasterKey() {
        terminal.say("Choose a master key. You will need it (in UPBIT_MASTER_KEY or at the prompt) to trade live.");
        Secret first = askOnce("Master key: ", "master key");
        Secret second = askOnce("Master key again: ", "master key");
        if (!first.equals(second)) {
            throw new KeyFileException("the two master keys do not match; nothing was saved");
        }
        return first;
    }

    private Secret askOnce(String prompt, String name) {
        char[] typed = terminal.readSecret(prompt);
        if (typed == null) {
            throw new KeyFileException("input ended before the " + name + " was entered; nothing was saved");
        }
        try {
            String value = new String(typed);
            if (value.isBlank()) {
                throw new KeyFileException("the " + name + " is empty; nothing was saved");
            }
            return Secret.of(value);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
