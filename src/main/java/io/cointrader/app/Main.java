package io.cointrader.app;

import io.cointrader.cli.TraderCommand;
import java.nio.file.Path;

/** Entry point of the {@code trader} executable. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Application app = new Application(System.getenv(), Path.of("").toAbsolutePath());
        int code = TraderCommand.commandLine(app).execute(args);
        System.exit(code);
    }
}
