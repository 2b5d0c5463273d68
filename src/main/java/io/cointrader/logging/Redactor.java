package io.cointrader.logging;

import io.cointrader.core.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with {@value #MASK} before the text reaches a log, an error message or
 * the dashboard.
 *
 * <p>Two kinds of secret are removed: exact values registered here (API keys, the master key, the
 * webhook URL, tokens; values shorter than {@value #MIN_SECRET_LENGTH} characters are ignored
 * because they would mask ordinary text), and well-known shapes found by pattern: {@code
 * Authorization}/{@code Cookie}/{@code X-Api-Key} header values, {@code Bearer} tokens, JWTs, Slack
 * webhook URLs, OpenAI/Anthropic style keys ({@code sk-...}), Slack tokens ({@code xox?-...}) and
 * the values of JSON or {@code key=value} fields whose name says they hold a secret ({@code
 * access_key}, {@code secret_key}, {@code api_key}, {@code token}, {@code password}, {@code
 * master_code}, {@code webhook_url}, ...). For fields the name is kept and only the value is masked.
 *
 * <p>Thread-safe: {@link #redact} may run on any thread while {@link #register} adds secrets.
 * Patterns are compiled once; each pattern makes a single pass over the text.
 */
public final class Redactor {

    /** What every secret is replaced with. */
    public static final String MASK = "***";

    /** Registered values shorter than this are ignored. */
    public static final int MIN_SECRET_LENGTH = 4;

    private static final List<Rule> RULES = List.of(
            // Slack incoming webhooks and workflow triggers, also URL-encoded; the host stays as context.
            Rule.keepingGroup(
                    "(?i)(hooks\\.slack(?:-gov)?\\.com(?:/|%2F)(?:services|workflows|triggers)(?:/|%2F))"
                            + "[^\\s\"'<>\\\\]+",
                    "hooks.slack"),
            // JWTs: base64url header starting with '{"', payload, optional signature.
            Rule.masking("(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*", "eyj"),
            // OpenAI / Anthropic (sk-, sk-proj-, sk-ant-) and Slack (xoxb-, xoxp-, ...) tokens.
            Rule.masking("(?<![A-Za-z0-9])(?:sk-[A-Za-z0-9_-]{16,}|xox[abeoprs]-[A-Za-z0-9-]{10,})", "sk-", "xox"),
            // Header-like values that may contain spaces ("Bearer x", "Basic y"): up to a delimiter.
            Rule.keepingGroup(
                    "(?i)((?<![\\w-])(?:proxy-)?(?:authorization|x-api-key|set-cookie|cookie)[ \\t]*[:=][ \\t]*)"
                            + "[^\\s\"'&,;}\\]][^\\r\\n\"'&,;}\\]]*",
                    "authorization",
                    "x-api-key",
                    "cookie"),
            Rule.keepingGroup("(?i)((?<![\\w-])bearer[ \\t]+)[A-Za-z0-9._~+/=-]{8,}", "bearer"));

    private volatile List<String> secrets = List.of();

    /** A redactor with patterns only; add exact values with {@link #register}. */
    public Redactor() {}

    /** A redactor that also masks each of the given secrets' values. */
    public static Redactor withSecrets(Collection<Secret> secrets) {
        Redactor redactor = new Redactor();
        secrets.forEach(redactor::register);
        return redactor;
    }

    /**
     * Masks this secret's value from now on, also in its URL-encoded and JSON-escaped forms. Null,
     * blank and too short values are ignored.
     */
    public synchronized void register(Secret secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        Set<String> next = new LinkedHashSet<>(secrets);
        for (String form : encodedForms(secret.reveal())) {
            if (form.length() >= MIN_SECRET_LENGTH) {
                next.add(form);
            }
        }
        List<String> sorted = new ArrayList<>(next);
        // Longest first, so a secret that contains another one is masked whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        secrets = List.copyOf(sorted);
    }

    /** The text with every secret replaced by {@value #MASK}; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || text.length() < MIN_SECRET_LENGTH) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            // Repeated because masking can join text around a secret into the secret again
            // ("a" + "a***" for the secret "a***"); each round shortens the text, so it ends.
            while (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        // Masking only ever inserts '*' (and quotes), which no anchor contains, so anchors that are
        // absent now stay absent and one lower-cased copy serves every rule.
        String lowerCase = result.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.mayMatch(lowerCase)) {
                result = rule.apply(result);
            }
        }
        return SecretFields.mask(result);
    }

    private static List<String> encodedForms(String value) {
        String json = value.replace("\\", "\\\\").replace("\"", "\\\"");
        String formEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return List.of(value, formEncoded, formEncoded.replace("+", "%20"), json);
    }

    /** A pattern and its replacement; skipped unless the lower-cased text contains an anchor. */
    private record Rule(Pattern pattern, Function<MatchResult, String> replacement, List<String> anchors) {

        static Rule masking(String regex, String... anchors) {
            return new Rule(Pattern.compile(regex), match -> MASK, List.of(anchors));
        }

        static Rule keepingGroup(String regex, String... anchors) {
            return new Rule(Pattern.compile(regex), match -> match.group(1) + MASK, List.of(anchors));
        }

        boolean mayMatch(String lowerCaseText) {
            for (String anchor : anchors) {
                if (lowerCaseText.contains(anchor)) {
                    return true;
                }
            }
            return false;
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(match -> Matcher.quoteReplacement(replacement.apply(match)));
        }
    }
}
