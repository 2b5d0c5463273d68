package io.cointrader.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Secret;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RedactorProperties {

    /** Pieces that make the patterns meet, overlap and touch each other. */
    private static final List<String> FRAGMENTS = List.of(
            "token",
            "token=",
            "\"token\":",
            "'password': ",
            "api_key",
            "UPBIT_SECRET_KEY=",
            "Authorization: ",
            "authorization=",
            "Cookie:",
            "Bearer ",
            "bearer\t",
            "eyJhbGciOiJIUzI1NiJ9",
            "eyJzdWIiOiIxMjM0NTY3ODkwIn0",
            "sk-",
            "sk-ant-",
            "xoxb-",
            "https://hooks.slack.com/services/",
            "hooks.slack.com%2Fworkflows%2F",
            "***",
            "*",
            ".",
            "\"",
            "'",
            "\\",
            ":",
            "=",
            "&",
            ",",
            ";",
            "}",
            "]",
            " ",
            "\t",
            "\n",
            "-",
            "_",
            "KRW-BTC",
            "95000000.5",
            "abcdefghijklmnop",
            "0123456789");

    private final Redactor patternsOnly = new Redactor();

    @Provide
    Arbitrary<String> trickyText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(6));
        return piece.list().ofMaxSize(14).map(pieces -> String.join("", pieces));
    }

    /**
     * Printable ASCII without '*' and quotes: those are what masking itself writes ({@code ***},
     * {@code "***"}), so a "secret" made of them would be found in the mask, not leaked.
     */
    @Provide
    Arbitrary<String> secretValues() {
        return Arbitraries.strings()
                .withCharRange('!', '~')
                .excludeChars('*', '"', '\'')
                .ofMinLength(Redactor.MIN_SECRET_LENGTH)
                .ofMaxLength(40);
    }

    @Property(tries = 3000)
    void redactingTwiceChangesNothingMore(@ForAll("trickyText") String text) {
        String once = patternsOnly.redact(text);

        assertThat(patternsOnly.redact(once)).isEqualTo(once);
    }

    @Property(tries = 1000)
    void redactingTwiceChangesNothingMoreWithRegisteredSecret(
            @ForAll("trickyText") String text, @ForAll("alphanumericSecret") String secret) {
        Redactor redactor = Redactor.withSecrets(List.of(Secret.of(secret)));
        String once = redactor.redact(text + secret + text);

        assertThat(redactor.redact(once)).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> alphanumericSecret() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(40);
    }

    @Property(tries = 3000)
    void registeredSecretNeverSurvives(
            @ForAll("trickyText") String before,
            @ForAll("secretValues") String secret,
            @ForAll("trickyText") String after) {
        Redactor redactor = Redactor.withSecrets(List.of(Secret.of(secret)));

        String redacted = redactor.redact(before + secret + after);

        assertThat(redacted).doesNotContain(secret);
    }
}
