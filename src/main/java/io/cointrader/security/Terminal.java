package io.cointrader.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where {@link KeyPrompt} asks its questions: the interactive console (no echo) or, when input is
 * piped, plain streams. Implementations never print what they read.
 */
public interface Terminal {

    /**
     * Shows {@code prompt} and reads one line without echoing it where the terminal allows.
     *
     * @return the line without its line terminator, or {@code null} at the end of input
     */
    char[] readSecret(String prompt);

    /** Shows one line of guidance (never anything that was read). */
    void say(String line);

    /**
     * The system console when there is one, else standard input with prompts on standard error.
     * Java 17 reports a console only when both standard input and output are terminals; with
     * output redirected but input typed at a terminal, the terminal itself echoes what is typed.
     */
    static Terminal system() {
        Console console = System.console();
        if (console != null) {
            return console(console);
        }
        Charset charset = Charset.defaultCharset();
        return streams(
                new BufferedReader(new InputStreamReader(System.in, charset)),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    /** Reads with {@link Console#readPassword}, which turns echo off. */
    static Terminal console(Console console) {
        Objects.requireNonNull(console, "console");
        return new Terminal() {
            @Override
            public char[] readSecret(String prompt) {
                return console.readPassword("%s", prompt);
            }

            @Override
            public void say(String line) {
                console.writer().println(line);
                console.flush();
            }
        };
    }

    /**
     * Reads line by line from {@code in} and prompts on {@code out}, for piped use: the input is
     * not a terminal, so nothing is echoed by anyone.
     */
    static Terminal streams(BufferedReader in, PrintWriter out) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        return new Terminal() {
            @Override
            public char[] readSecret(String prompt) {
                out.print(prompt);
                out.flush();
                try {
                    String line = in.readLine();
                    out.println();
                    out.flush();
                    return line == null ? null : line.toCharArray();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read standard input", e);
                }
            }

            @Override
            public void say(String line) {
                out.println(line);
                out.flush();
            }
        };
    }
}
