package io.cointrader.exchange.upbit;

import io.cointrader.core.Secret;
import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake Upbit, a still clock, scripted nonces and clients wired to them. Close after each test. */
final class PrivateFixture implements AutoCloseable {

    final String accessKey;
    final String secretKey;
    final FakeUpbitServer server = new FakeUpbitServer();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-22T12:42:21.250Z"));
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final AtomicInteger nonces = new AtomicInteger();

    PrivateFixture(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    PrivateFixture() {
        this("AkEyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "sEcReT1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q");
    }

    UpbitCredentials credentials() {
        return new UpbitCredentials(Secret.of(accessKey), Secret.of(secretKey));
    }

    /** Nonces {@code nonce-1}, {@code nonce-2}, ... in request order. */
    UpbitJwtSigner signer() {
        return new UpbitJwtSigner(credentials(), () -> "nonce-" + nonces.incrementAndGet());
    }

    UpbitOptions options() {
        return UpbitOptions.defaults(server.baseUrl(), "test");
    }

    /** Options whose request timeout is 200 ms, for answers that never come. */
    UpbitOptions quickOptions() {
        UpbitOptions d = options();
        return new UpbitOptions(
                d.baseUrl(),
                d.connectTimeout(),
                Duration.ofMillis(200),
                d.maxAttempts(),
                d.initialBackoff(),
                d.maxBackoff(),
                d.defaultBanDuration(),
                d.userAgent());
    }

    UpbitHttp http(UpbitOptions options) {
        return new UpbitHttp(options, clock, sleeper, new Random(7));
    }

    UpbitPrivateClient client() {
        return client(options());
    }

    UpbitPrivateClient client(UpbitOptions options) {
        return new UpbitPrivateClient(http(options), signer());
    }

    List<FakeUpbitServer.Received> received(String path) {
        return server.received(path);
    }

    static String authorization(FakeUpbitServer.Received request) {
        return request.headers().getFirst("Authorization");
    }

    @Override
    public void close() {
        server.close();
    }
}
