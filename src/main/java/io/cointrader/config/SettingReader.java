package io.cointrader.config;

import io.cointrader.config.SettingSources.Raw;
import io.cointrader.core.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads one variable at a time from the sources and parses it by its rule. Defaults go through the
 * same parsing as user input. Non-secret values are quoted in messages; secret values never are.
 */
final class SettingReader {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,9})?");
    private static final int MAX_NUMBER_LENGTH = 64;
    private static final int MAX_DECIMAL_PLACES = 12;
    private static final List<String> TRUE = List.of("true", "1", "yes", "on");
    private static final List<String> FALSE = List.of("false", "0", "no", "off");

    private final SettingSources sources;
    private final Path workingDir;
    private final List<String> warnings;

    SettingReader(SettingSources sources, Path workingDir, List<String> warnings) {
        this.sources = sources;
        this.workingDir = workingDir;
        this.warnings = warnings;
    }

    /** The effective value of a variable with a default; an empty value falls back to it. */
    Raw raw(Variable v) {
        String defaultText = v.defaultText().orElseThrow(() -> new IllegalStateException(v + " has no default"));
        Optional<Raw> given = sources.lookup(v);
        if (given.isEmpty()) {
            return new Raw(defaultText, "the default");
        }
        if (given.get().isBlank()) {
            warnings.add(
                    v.name() + " is empty in " + given.get().origin() + "; the default " + defaultText + " applies");
            return new Raw(defaultText, "the default");
        }
        return new Raw(given.get().text().strip(), given.get().origin());
    }

    /** The value of an optional variable; empty when absent or blank. Not stripped (may be a secret). */
    Optional<Raw> optional(Variable v) {
        return sources.lookup(v).filter(raw -> !raw.isBlank());
    }

    int integer(Variable v, int min, int max) {
        Raw raw = raw(v);
        String allowed = "a whole number from " + min + " to " + max;
        if (raw.text().length() > MAX_NUMBER_LENGTH
                || !INTEGER.matcher(raw.text()).matches()) {
            throw invalid(v, raw, "is not a whole number", allowed);
        }
        BigInteger value = new BigInteger(raw.text());
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid(v, raw, "is out of range", allowed);
        }
        return value.intValueExact();
    }

    /** A decimal number with at most 12 decimal places that satisfies {@code rule}. */
    BigDecimal decimal(Variable v, Predicate<BigDecimal> rule, String allowed) {
        return parseDecimal(v, raw(v), rule, allowed);
    }

    /** As {@link #decimal} for a variable without a default: empty when it is not set. */
    Optional<BigDecimal> optionalDecimal(Variable v, Predicate<BigDecimal> rule, String allowed) {
        return optional(v).map(given -> parseDecimal(v, new Raw(given.text().strip(), given.origin()), rule, allowed));
    }

    private static BigDecimal parseDecimal(Variable v, Raw raw, Predicate<BigDecimal> rule, String allowed) {
        if (raw.text().length() > MAX_NUMBER_LENGTH
                || !DECIMAL.matcher(raw.text()).matches()) {
            throw invalid(v, raw, "is not a number", allowed);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.text()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw invalid(v, raw, "is out of range", allowed);
        }
        if (value.scale() > MAX_DECIMAL_PLACES) {
            throw invalid(v, raw, "has more than " + MAX_DECIMAL_PLACES + " decimal places", allowed);
        }
        if (!rule.test(value)) {
            throw invalid(v, raw, "is out of range", allowed);
        }
        // the rule bounds the value, so a negative scale (1E+2) expands to few digits
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    boolean bool(Variable v) {
        Raw raw = raw(v);
        String lower = raw.text().toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (FALSE.contains(lower)) {
            return false;
        }
        throw invalid(v, raw, "is not a yes/no value", "true/false, 1/0, yes/no, on/off");
    }

    /** One of {@code choices} (lower-case), matched ignoring case; returned in lower case. */
    String choice(Variable v, String... choices) {
        Raw raw = raw(v);
        String lower = raw.text().toLowerCase(Locale.ROOT);
        for (String c : choices) {
            if (c.equals(lower)) {
                return c;
            }
        }
        throw invalid(v, raw, "is not a known choice", String.join(" | ", choices));
    }

    /** A model name such as {@code gpt-4o-mini}: letters, digits and {@code . _ : / -}. */
    String modelName(Variable v) {
        Raw raw = raw(v);
        if (!MODEL_NAME.matcher(raw.text()).matches()) {
            throw invalid(v, raw, "is not a model name", "1 to 100 letters, digits and . _ : / - such as gpt-4o-mini");
        }
        return raw.text();
    }

    /** A path; a relative one is taken from the working directory. */
    Path path(Variable v) {
        return toPath(v, raw(v));
    }

    /** An existing directory, when given. */
    Optional<Path> optionalDirectory(Variable v, String allowed) {
        return optional(v).map(given -> {
            Raw raw = new Raw(given.text().strip(), given.origin());
            Path path = toPath(v, raw);
            if (!Files.isDirectory(path)) {
                throw invalid(v, raw, "is not a directory", allowed);
            }
            return path;
        });
    }

    Optional<Secret> secret(Variable v) {
        return optional(v).map(raw -> Secret.of(raw.text()));
    }

    /**
     * An absolute http(s) URL with a host and no credentials, query or fragment; trailing slashes of
     * the path are dropped so that callers can append {@code /v1/...}.
     */
    URI httpUrl(Variable v) {
        Raw raw = raw(v);
        String allowed = "an absolute http:// or https:// URL with a host, e.g. https://api.upbit.com";
        if (raw.text().contains("@")) {
            // user info may hold a password: say what is wrong without showing the value
            throw new ConfigException(
                    v.name(), "the URL (from " + raw.origin() + ") carries user credentials", allowed);
        }
        URI uri = parseHttpUri(raw.text(), false);
        if (uri == null) {
            throw invalid(v, raw, "is not an absolute http or https URL", allowed);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(v, raw, "has a query or fragment", allowed);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path);
    }

    /** A secret that must be an https URL (a webhook); the message never shows it. */
    Optional<Secret> httpsUrlSecret(Variable v) {
        Optional<Raw> raw = optional(v);
        raw.ifPresent(r -> {
            URI uri = parseHttpUri(r.text().strip(), false);
            // plain http only to this machine (a local relay, or a test double); never over a network
            if (uri == null || (!"https".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost()))) {
                throw invalid(
                        v,
                        r,
                        "is not an https URL",
                        "an https:// URL with a host, e.g. a Slack incoming webhook (http only to 127.0.0.1)");
            }
        });
        return raw.map(r -> Secret.of(r.text().strip()));
    }

    /** An ISO instant ({@code 2025-10-21T00:00:00Z}) or a date ({@code 2025-10-21}, 00:00 UTC). */
    Optional<Instant> optionalInstant(Variable v) {
        return optional(v).map(given -> {
            Raw raw = new Raw(given.text().strip(), given.origin());
            try {
                return DATE.matcher(raw.text()).matches()
                        ? LocalDate.parse(raw.text())
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                        : Instant.parse(raw.text());
            } catch (DateTimeException e) {
                throw invalid(
                        v,
                        raw,
                        "is not a date or instant",
                        "an ISO instant such as 2025-10-21T00:00:00Z, or a date such as 2025-10-21 (00:00 UTC)");
            }
        });
    }

    /** An error about a non-secret value, quoting it; for a secret, only that it is malformed. */
    static ConfigException invalid(Variable v, Raw raw, String problem, String allowed) {
        String subject = v.secret() ? "the value" : OneLine.quote(raw.text());
        return new ConfigException(v.name(), subject + " (from " + raw.origin() + ") " + problem, allowed);
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]");
    }

    private static URI parseHttpUri(String text, boolean httpsOnly) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = scheme.equals("https") || (!httpsOnly && scheme.equals("http"));
        return schemeOk && uri.getHost() != null && uri.getRawUserInfo() == null ? uri : null;
    }

    private Path toPath(Variable v, Raw raw) {
        try {
            return workingDir.resolve(Path.of(raw.text())).normalize();
        } catch (InvalidPathException e) {
            throw invalid(v, raw, "is not a valid path", "a file system path, relative to the working directory");
        }
    }
}
