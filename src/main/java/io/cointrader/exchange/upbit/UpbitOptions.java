package io.cointrader.exchange.upbit;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Connection and resilience settings of {@link UpbitHttp}.
 *
 * @param baseUrl REST root such as {@code https://api.upbit.com}; a trailing slash or a path prefix
 *     (for a proxy or the local simulator) is allowed
 * @param connectTimeout TCP/TLS connect limit
 * @param requestTimeout limit for one whole request, from sending to the last body byte
 * @param maxAttempts attempts of a read, counting the first (1 = no retry)
 * @param initialBackoff wait before the second attempt; doubles per attempt
 * @param maxBackoff cap of the doubled wait (jitter of 100-300 ms comes on top)
 * @param defaultBanDuration how long all calls stop after HTTP 418 when neither a {@code Retry-After}
 *     header nor the body states the block time; the body format of 418 is not documented, so this
 *     is deliberately generous
 * @param userAgent sent as {@code User-Agent}
 */
public record UpbitOptions(
        URI baseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration defaultBanDuration,
        String userAgent) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.upbit.com");

    public UpbitOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("Upbit base URL must be an http(s) URL with a host, got " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("Upbit base URL must not carry a query or fragment: " + baseUrl);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(defaultBanDuration, "defaultBanDuration");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1..10, got " + maxAttempts);
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent is required");
        }
    }

    /** Production defaults: 5 s connect, 10 s request, 3 attempts, back-off 0.5 s doubling to 10 s, 60 s ban. */
    public static UpbitOptions defaults(URI baseUrl, String version) {
        return new UpbitOptions(
                baseUrl,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                3,
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                "coin-trader/" + (version == null || version.isBlank() ? "dev" : version));
    }

    public UpbitOptions withMaxAttempts(int attempts) {
        return new UpbitOptions(
                baseUrl,
                connectTimeout,
                requestTimeout,
                attempts,
                initialBackoff,
                maxBackoff,
                defaultBanDuration,
                userAgent);
    }

    /** {@code baseUrl + path}, where {@code path} starts with {@code /v1/}; never a double slash. */
    URI resolve(String path, String rawQuery) {
        String root = baseUrl.toString();
        int end = root.length();
        while (end > 0 && root.charAt(end - 1) == '/') {
            end--;
        }
        String query = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
        return URI.create(root.substring(0, end) + path + query);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
