package io.cointrader.app;

import java.io.Console;
import java.util.Optional;

/** A question to the person at the terminal; empty when there is no terminal (a service, a pipe). */
interface Terminal {

    Optional<String> readLine(String prompt);

    /** The process's console, if it has one. */
    static Terminal system() {
        return new Terminal() {
            @Override
            public Optional<String> readLine(String prompt) {
                Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readLine("%s", prompt));
            }
        };
    }
}
