package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.cli.TraderCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trader sim} in process: what it refuses before it starts serving. */
class SimCommandTest {

    @TempDir
    Path work;

    @Test
    void unreadableHoldingIsOneLineAndExitCodeTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TraderCommand.commandLine(new Application(Map.of(), work));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("sim", "--port", "0", "--holding", "BTC=0.5@90000000", "--holding", "ETH=lots@1");

        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().lines().filter(l -> !l.isBlank()))
                .singleElement()
                .asString()
                .startsWith("error: trader sim: holding quantity is not a number: lots");
        assertThat(out.toString()).doesNotContain("listening");
    }
}
