package io.cointrader.exchange.upbit;

import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.OutcomeUnknownException;
import io.cointrader.exchange.RateLimitedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP core shared by every Upbit call: builds the request (no {@code Origin}, JSON, gzip, our
 * User-Agent, a fresh JWT per attempt for the exchange API), enforces the per-group budget and the 418
 * block, decodes gzip, maps errors to the exchange exception family and retries reads.
 *
 * <p>Reads are retried on {@link ExchangeUnavailableException} (5xx, network, timeout, malformed body)
 * and on 429, with exponential back-off plus 100-300 ms jitter, up to {@link UpbitOptions#maxAttempts()}
 * attempts. State-changing calls ({@link #send}) are never retried. A 418 block is never retried: it
 * stops every call of this instance in the block's {@link RateGroup.Scope} until it ends (Upbit blocks
 * market data per IP and the exchange API per account pocket, each apart from the other). Share one
 * instance per process so that budget and block are shared too. Thread-safe.
 */
public final class UpbitHttp {

    private static final Logger log = LoggerFactory.getLogger(UpbitHttp.class);

    /** Larger answers (the full market list is ~100 KB) are treated as broken. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final UpbitOptions options;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final UpbitThrottle throttle;
    private final HttpClient client;

    public UpbitHttp(UpbitOptions options, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.options = options;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.throttle = new UpbitThrottle(clock, sleeper);
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Production wiring: real sleeps and a non-deterministic jitter. */
    public UpbitHttp(UpbitOptions options, Clock clock) {
        this(options, clock, Sleeper.THREAD, new SplittableRandom());
    }

    /**
     * Performs an idempotent read, retrying as described above.
     *
     * @throws IllegalArgumentException for a method other than GET: state-changing calls must never be
     *     retried blindly
     * @throws ExchangeException the last failure once attempts are used up, or at once for 4xx and 418
     */
    public <T> T read(UpbitRequest request, BodyParser<T> parser) {
        return read(request, null, parser);
    }

    /**
     * Performs an idempotent read of the exchange API, signed by {@code signer} (a new token per
     * attempt), retrying as {@link #read(UpbitRequest, BodyParser)} does; a null signer sends no
     * Authorization header.
     */
    public <T> T read(UpbitRequest request, UpbitJwtSigner signer, BodyParser<T> parser) {
        if (!request.method().equals("GET")) {
            throw new IllegalArgumentException("only GET is retried as a read, not " + request.method());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                acquire(request);
                return parser.parse(transmit(request, signer));
            } catch (ExchangeUnavailableException | RateLimitedException e) {
                if (!retryable(e) || attempt >= options.maxAttempts()) {
                    throw e;
                }
                Duration delay = backoff(attempt);
                log.warn(
                        "{} failed (attempt {}/{}): {}; retrying in {} ms",
                        request.label(),
                        attempt,
                        options.maxAttempts(),
                        e.getMessage(),
                        delay.toMillis());
                pause(delay, request.label());
            }
        }
    }

    /**
     * Performs a state-changing call (POST, DELETE) exactly once: it is never retried, whatever happens.
     * An answer that says the call failed maps as for reads (Upbit's error name, else the 4xx status, to
     * the rejected / insufficient funds / auth / market unavailable family, 429 to {@link
     * RateLimitedException}, 418 to {@link UpbitBanException}); these mean the call took no effect. When the request may have reached Upbit but no clear answer came back
     * (timeout, broken connection, 5xx, a 2xx body {@code parser} cannot read) it throws {@link
     * OutcomeUnknownException}: the call may have taken effect, and the caller must find out by reading.
     *
     * @throws IllegalArgumentException for a GET, which is a {@link #read}
     */
    public <T> T send(UpbitRequest request, UpbitJwtSigner signer, BodyParser<T> parser) {
        if (request.method().equals("GET")) {
            throw new IllegalArgumentException("a GET is a read, not a state-changing call");
        }
        Objects.requireNonNull(signer, "signer");
        // waiting for the budget or a block happens before anything is sent: its failures are definite
        acquire(request);
        try {
            return parser.parse(transmit(request, signer));
        } catch (ExchangeUnavailableException e) {
            throw new OutcomeUnknownException(e.getMessage() + "; the call may have taken effect, not retried", e);
        }
    }

    /** The latest end of the 418 blocks in force (market data, exchange API or both), if any. */
    public Optional<Instant> bannedUntil() {
        return throttle.bannedUntil();
    }

    /** End of the 418 block of {@code scope}, if one is in force. */
    public Optional<Instant> bannedUntil(RateGroup.Scope scope) {
        return throttle.bannedUntil(scope);
    }

    private void acquire(UpbitRequest request) {
        try {
            throttle.acquire(request.group(), request.label());
        } catch (InterruptedException e) {
            throw interrupted(request.label());
        }
    }

    /** One attempt after {@link #acquire}: sign, send, record the budget header, decode and map the status. */
    private byte[] transmit(UpbitRequest request, UpbitJwtSigner signer) {
        String label = request.label();
        String token = signer == null ? null : signer.token(request);
        HttpResponse<byte[]> response = call(buildRequest(request, token), label);
        response.headers()
                .firstValue("Remaining-Req")
                .flatMap(RemainingReq::parse)
                .ifPresent(r -> throttle.record(request.group(), r));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return decode(response, label);
        }
        byte[] body;
        try {
            body = decode(response, label);
        } catch (ExchangeUnavailableException e) {
            body = new byte[0];
        }
        if (token != null) {
            // an error text that echoes what we sent must not carry the credentials any further
            body = signer.redact(new String(body, StandardCharsets.UTF_8), token)
                    .getBytes(StandardCharsets.UTF_8);
        }
        ExchangeException error = UpbitErrors.forStatus(
                label,
                status,
                body,
                response.headers().firstValue("Retry-After"),
                clock.instant(),
                options.defaultBanDuration());
        onError(request, error);
        throw error;
    }

    private void onError(UpbitRequest request, ExchangeException error) {
        if (error instanceof UpbitBanException ban) {
            RateGroup.Scope scope = request.group().scope();
            throttle.ban(scope, ban.bannedUntil());
            log.error(
                    "Upbit blocked this client; its {} calls stop until {}: {}",
                    UpbitThrottle.describe(scope),
                    ban.bannedUntil(),
                    ban.getMessage());
        } else if (error instanceof RateLimitedException) {
            throttle.pause(request.group(), throttle.nextSecond(clock.instant()).plus(jitter()));
        }
    }

    private HttpRequest buildRequest(UpbitRequest request, String token) {
        URI uri = options.resolve(request.path(), request.rawQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", options.userAgent());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.hasBody()) {
            builder.header("Content-Type", "application/json; charset=utf-8")
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.jsonBody()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    /** Sends with a deadline on the whole exchange, body included (the client's own timeout stops at the headers). */
    private HttpResponse<byte[]> call(HttpRequest httpRequest, String label) {
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(label);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw interrupted(label);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(label);
            }
            String kind = cause == null ? "unknown" : cause.getClass().getSimpleName();
            throw new ExchangeUnavailableException(label + ": network error (" + kind + ")", cause);
        }
    }

    private static byte[] decode(HttpResponse<byte[]> response, String label) {
        byte[] raw = response.body() == null ? new byte[0] : response.body();
        if (raw.length > MAX_BODY_BYTES) {
            throw new ExchangeUnavailableException(label + ": response body too large");
        }
        String encoding = response.headers()
                .firstValue("Content-Encoding")
                .orElse("identity")
                .trim();
        if (encoding.equalsIgnoreCase("identity") || encoding.isEmpty()) {
            return raw;
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw new ExchangeUnavailableException(label + ": unsupported Content-Encoding " + encoding);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return readBounded(in, label);
        } catch (IOException e) {
            throw new ExchangeUnavailableException(label + ": corrupt gzip body", e);
        }
    }

    private static byte[] readBounded(InputStream in, String label) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY_BYTES) {
                throw new ExchangeUnavailableException(label + ": response body too large");
            }
        }
        return out.toByteArray();
    }

    private static boolean retryable(ExchangeException e) {
        return !(e instanceof UpbitBanException) && !Thread.currentThread().isInterrupted();
    }

    /** {@code initialBackoff * 2^(attempt-1)}, capped at {@code maxBackoff}, plus 100-300 ms jitter. */
    Duration backoff(int attempt) {
        Duration base = options.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration capped = base.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : base;
        return capped.plus(jitter());
    }

    private Duration jitter() {
        synchronized (random) {
            return Duration.ofMillis(random.nextLong(100, 301));
        }
    }

    private void pause(Duration delay, String label) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(label);
        }
    }

    private static ExchangeUnavailableException timedOut(String label) {
        return new ExchangeUnavailableException(label + ": timed out");
    }

    private static ExchangeUnavailableException interrupted(String label) {
        Thread.currentThread().interrupt();
        return new ExchangeUnavailableException(label + ": interrupted");
    }
}
