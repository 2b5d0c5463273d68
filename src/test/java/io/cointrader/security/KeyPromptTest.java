package io.cointrader.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Secret;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPromptTest {

    private static final String ACCESS = "CANARYaccess0123";
    private static final String SECRET = "CANARYsecret4567";
    private static final String MASTER = "CANARY master 89";

    private final StringWriter shown = new StringWriter();

    @Test
    void readsPipedInputLineByLine() {
        KeyPrompt prompt = piped(ACCESS + "\n" + SECRET + "\r\n" + MASTER + "\n" + MASTER + "\n");

        EnteredKeys entered = prompt.ask();

        assertThat(entered.keys()).isEqualTo(new UpbitKeys(Secret.of(ACCESS), Secret.of(SECRET)));
        assertThat(entered.masterKey()).isEqualTo(Secret.of(MASTER));
        assertThat(shown.toString())
                .contains("Upbit access key: ", "Upbit secret key: ", "Master key: ", "Master key again: ")
                .doesNotContain("CANARY");
    }

    @Test
    void keepsSurroundingSpacesOfTheMasterKey() {
        KeyPrompt prompt = piped(ACCESS + "\n" + SECRET + "\n " + MASTER + " \n " + MASTER + " \n");

        assertThat(prompt.ask().masterKey()).isEqualTo(Secret.of(" " + MASTER + " "));
    }

    @Test
    void refusesMasterKeysThatDoNotMatch() {
        KeyPrompt prompt = piped(ACCESS + "\n" + SECRET + "\n" + MASTER + "\n" + MASTER + "x\n");

        assertThatThrownBy(prompt::ask)
                .isInstanceOf(KeyFileException.class)
                .hasMessage("the two master keys do not match; nothing was saved");
    }

    @Test
    void refusesInputThatEndsEarly() {
        KeyPrompt prompt = piped(ACCESS + "\n" + SECRET + "\n" + MASTER + "\n");

        assertThatThrownBy(prompt::ask)
                .isInstanceOf(KeyFileException.class)
                .hasMessage("input ended before the master key was entered; nothing was saved");
    }

    @Test
    void refusesAnEmptyKey() {
        KeyPrompt prompt = piped(ACCESS + "\n   \n");

        assertThatThrownBy(prompt::askUpbitKeys)
                .isInstanceOf(KeyFileException.class)
                .hasMessage("the secret key is empty; nothing was saved");
    }

    @Test
    void readsEveryValueThroughTheNoEchoPathAndWipesTheTypedCharacters() {
        ScriptedTerminal terminal = new ScriptedTerminal(ACCESS, SECRET, MASTER, MASTER);

        EnteredKeys entered = new KeyPrompt(terminal).ask();

        assertThat(entered.keys().accessKey()).isEqualTo(Secret.of(ACCESS));
        assertThat(terminal.prompts)
                .containsExactly("Upbit access key: ", "Upbit secret key: ", "Master key: ", "Master key again: ");
        assertThat(terminal.handedOut).allSatisfy(chars -> assertThat(chars).containsOnly('\0'));
        assertThat(String.join("\n", terminal.said)).doesNotContain("CANARY");
    }

    @Test
    void showsNoSecretInItsRecords() {
        EnteredKeys entered = new EnteredKeys(new UpbitKeys(Secret.of(ACCESS), Secret.of(SECRET)), Secret.of(MASTER));

        assertThat(entered.toString()).doesNotContain("CANARY").contains("***");
    }

    private KeyPrompt piped(String input) {
        return new KeyPrompt(Terminal.streams(new BufferedReader(new StringReader(input)), new PrintWriter(shown)));
    }

    /** Answers from a script and keeps the arrays it handed out, to check they were wiped. */
    private static final class ScriptedTerminal implements Terminal {

        private final Deque<String> answers;
        private final List<String> prompts = new ArrayList<>();
        private final List<String> said = new ArrayList<>();
        private final List<char[]> handedOut = new ArrayList<>();

        ScriptedTerminal(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public char[] readSecret(String prompt) {
            prompts.add(prompt);
            char[] answer = answers.isEmpty() ? null : answers.removeFirst().toCharArray();
            if (answer != null) {
                handedOut.add(answer);
            }
            return answer;
        }

        @Override
        public void say(String line) {
            said.add(line);
        }
    }
}
