package io.cointrader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OneLineUsageErrorsTest {

    @Test
    void anArgumentWithLineBreaksStillGivesOneErrorLine() {
        StringWriter err = new StringWriter();
        // a parse error never reaches the application
        CommandLine cli = TraderCommand.commandLine(null);
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("status", "a\rb", "c\u2028d", "e\u0085f");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: Unmatched arguments")
                .contains("a\\u000Db", "c\\u2028d", "e\\u0085f"));
    }

    @Test
    void picocliLineBreaksBecomeSpaces() {
        assertThat(OneLineUsageErrors.oneLine("Unknown option: '--bogus'\r\nPossible solutions: --db"))
                .isEqualTo("Unknown option: '--bogus' Possible solutions: --db");
    }
}
