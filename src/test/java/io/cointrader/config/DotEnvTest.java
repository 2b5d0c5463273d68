package io.cointrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {

    @Test
    void readsKeyValueLinesSkippingCommentsAndBlankLines() {
        Map<String, String> env =
                DotEnv.parse("# settings\n\nTRADING_MODE=paper\n   \n  # indented comment\nMAX_POSITIONS=3\n");

        assertThat(env).containsExactly(Map.entry("TRADING_MODE", "paper"), Map.entry("MAX_POSITIONS", "3"));
    }

    @Test
    void trimsWhitespaceAroundKeysAndValues() {
        assertThat(DotEnv.parse("  LOG_LEVEL  =  debug  \n")).containsExactly(Map.entry("LOG_LEVEL", "debug"));
    }

    @Test
    void acceptsExportPrefix() {
        assertThat(DotEnv.parse("export TRADING_MODE=live\nexport\tEXCHANGE=replay"))
                .containsExactly(Map.entry("TRADING_MODE", "live"), Map.entry("EXCHANGE", "replay"));
    }

    @Test
    void keyNamedExportIsNotAPrefix() {
        assertThat(DotEnv.parse("export=1")).containsExactly(Map.entry("export", "1"));
    }

    @Test
    void cutsInlineCommentAfterUnquotedValueOnlyWhenPrecededByWhitespace() {
        Map<String, String> env = DotEnv.parse("A=abc # a comment\nB=abc#not-a-comment\nC= # only a comment\nD=#x");

        assertThat(env).containsEntry("A", "abc").containsEntry("B", "abc#not-a-comment");
        assertThat(env).containsEntry("C", "").containsEntry("D", "#x");
    }

    @Test
    void emptyValueIsEmptyString() {
        assertThat(DotEnv.parse("SLACK_WEBHOOK_URL=\n")).containsExactly(Map.entry("SLACK_WEBHOOK_URL", ""));
    }

    @Test
    void keepsEqualsSignsInsideValue() {
        assertThat(DotEnv.parse("K=a=b==")).containsEntry("K", "a=b==");
    }

    @Test
    void singleQuotedValueIsLiteral() {
        Map<String, String> env = DotEnv.parse("A='  spaced # not comment \\n $HOME '  # comment\nB='it\\'s'");

        assertThat(env).containsEntry("A", "  spaced # not comment \\n $HOME ");
        assertThat(env).containsEntry("B", "it's");
    }

    @Test
    void doubleQuotedValueUnderstandsEscapes() {
        Map<String, String> env =
                DotEnv.parse("A=\"line1\\nline2\\t\\\"q\\\" back\\\\slash \\x\"\nB=\"#hash\" # comment");

        assertThat(env).containsEntry("A", "line1\nline2\t\"q\" back\\slash \\x");
        assertThat(env).containsEntry("B", "#hash");
    }

    @Test
    void quotedJsonArraySurvives() {
        assertThat(DotEnv.parse("TRADING_SYMBOLS='[\"BTC/KRW\",\"ETH/KRW\"]'"))
                .containsEntry("TRADING_SYMBOLS", "[\"BTC/KRW\",\"ETH/KRW\"]");
    }

    @Test
    void unquotedJsonArraySurvives() {
        assertThat(DotEnv.parse("TRADING_SYMBOLS=[\"BTC/KRW\", \"ETH/KRW\"]"))
                .containsEntry("TRADING_SYMBOLS", "[\"BTC/KRW\", \"ETH/KRW\"]");
    }

    @Test
    void handlesCrLfLineEndingsAndByteOrderMark() {
        assertThat(DotEnv.parse("\uFEFFA=1\r\nB=2\rC=3"))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "2"), Map.entry("C", "3"));
    }

    @Test
    void laterLineWinsIgnoringCase() {
        assertThat(DotEnv.parse("max_positions=2\nOTHER=x\nMAX_POSITIONS=4"))
                .containsExactly(Map.entry("OTHER", "x"), Map.entry("MAX_POSITIONS", "4"));
    }

    @Test
    void lineWithoutEqualsSignIsMalformedAndNamesItsLineNumberOnly() {
        ConfigException e =
                catchThrowableOfType(ConfigException.class, () -> DotEnv.parse("A=1\n\nsk-canary-SECRET-VALUE\n"));

        assertThat(e.getMessage())
                .startsWith(".env: line 3 ")
                .contains("KEY=VALUE")
                .doesNotContain("canary");
        assertThat(e.setting()).isEqualTo(".env");
    }

    @Test
    void invalidKeyIsMalformed() {
        assertThatThrownBy(() -> DotEnv.parse("MY KEY=1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".env: line 1 has an invalid variable name; allowed: ");
        assertThatThrownBy(() -> DotEnv.parse("=value")).isInstanceOf(ConfigException.class);
    }

    @Test
    void unterminatedQuoteIsMalformedWithoutShowingTheSecret() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> DotEnv.parse("A=1\nLLM_API_KEY=\"sk-canary-SECRET\n"));

        assertThat(e.setting()).isEqualTo("LLM_API_KEY");
        assertThat(e.getMessage())
                .isEqualTo("LLM_API_KEY: .env line 2 has an unterminated double quote; allowed: " + DotEnv.ALLOWED);
    }

    @Test
    void textAfterClosingQuoteIsMalformed() {
        assertThatThrownBy(() -> DotEnv.parse("WEB_MASTER_CODE='canary-code' extra"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 1 has text after the closing single quote")
                .hasMessageNotContaining("canary");
    }

    @Test
    void trailingBackslashDoesNotCloseTheQuote() {
        assertThatThrownBy(() -> DotEnv.parse("A=\"abc\\\"")).hasMessageContaining("unterminated double quote");
    }

    @Test
    void absentFileIsEmpty(@TempDir Path dir) {
        assertThat(DotEnv.read(dir.resolve(".env"))).isEmpty();
    }

    @Test
    void readsFileAsUtf8(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(".env"), "NOTE=비트코인\n");

        assertThat(DotEnv.read(file)).containsEntry("NOTE", "비트코인");
    }

    @Test
    void invalidUtf8IsAConfigError(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve(".env"), new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28});

        assertThatThrownBy(() -> DotEnv.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void directoryNamedDotEnvIsAConfigError(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve(".env"));

        assertThatThrownBy(() -> DotEnv.read(dir.resolve(".env")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not a regular file");
    }
}
