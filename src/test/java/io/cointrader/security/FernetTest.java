package io.cointrader.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.security.InvalidTokenException.Reason;
import io.cointrader.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FernetTest {

    // Test vectors of the Fernet specification, https://github.com/fernet/spec (generate.json,
    // verify.json, invalid.json), produced there by an independent implementation.
    private static final String SPEC_SECRET = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
    private static final String SPEC_TOKEN =
            "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";
    private static final Instant SPEC_GENERATED = instant("1985-10-26T01:20:00-07:00");
    private static final Instant SPEC_VERIFIED = instant("1985-10-26T01:20:01-07:00");
    private static final Duration SPEC_TTL = Duration.ofSeconds(60);

    @Test
    void generatesTheSpecTokenForItsIvAndTime() {
        Fernet fernet = Fernet.fromEncodedKey(
                SPEC_SECRET, FixedRandom.counting(0, 16), Clock.fixed(SPEC_GENERATED, ZoneOffset.UTC));

        assertThat(fernet.encrypt(utf8("hello"))).isEqualTo(SPEC_TOKEN);
    }

    @Test
    void verifiesTheSpecToken() {
        Fernet fernet = specFernet(SPEC_VERIFIED);

        assertThat(fernet.decrypt(SPEC_TOKEN)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        assertThat(fernet.decrypt(SPEC_TOKEN, SPEC_TTL))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("hello");
        assertThat(fernet.issuedAt(SPEC_TOKEN)).isEqualTo(SPEC_GENERATED);
    }

    static Stream<Arguments> specInvalidTokens() {
        return Stream.of(
                Arguments.of(
                        "incorrect mac",
                        "gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAl1-szkFVzXTuGb4hR8AKtwcaX1YdykQUFBQUFBQUFBQQ==",
                        "1985-10-26T01:20:01-07:00"),
                Arguments.of(
                        "too short",
                        "gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPA==",
                        "1985-10-26T01:20:01-07:00"),
                Arguments.of(
                        "invalid base64",
                        "%%%%%%%%%%%%%AECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAl1-szkFVzXTuGb4hR8AKtwcaX1YdykRtfsH-p1YsUD2Q==",
                        "1985-10-26T01:20:01-07:00"),
                Arguments.of(
                        "payload size not multiple of block size",
                        "gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPOm73QeoCk9uGib28Xe5vz6oxq5nmxbx_v7mrfyudzUm",
                        "1985-10-26T01:20:01-07:00"),
                Arguments.of(
                        "payload padding error",
                        "gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0ODz4LEpdELGQAad7aNEHbf-JkLPIpuiYRLQ3RtXatOYREu2FWke6CnJNYIbkuKNqOhw==",
                        "1985-10-26T01:20:01-07:00"),
                Arguments.of(
                        "far-future TS (unacceptable clock skew)",
                        "gAAAAAAdwStRAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAnja1xKYyhd-Y6mSkTOyTGJmw2Xc2a6kBd-iX9b_qXQcw==",
                        "1985-10-26T01:20:01-07:00"),
                Arguments.of(
                        "expired TTL",
                        "gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAl1-szkFVzXTuGb4hR8AKtwcaX1YdykRtfsH-p1YsUD2Q==",
                        "1985-10-26T01:21:31-07:00"),
                Arguments.of(
                        "incorrect IV (causes padding error)",
                        "gAAAAAAdwJ6xBQECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAkLhFLHpGtDBRLRTZeUfWgHSv49TF2AUEZ1TIvcZjK1zQ==",
                        "1985-10-26T01:20:01-07:00"),
                Arguments.of(
                        "trailing characters after b64 padding",
                        SPEC_TOKEN + "trailingdata",
                        "1985-10-26T01:20:01-07:00"),
                Arguments.of(
                        "invalid characters in b64",
                        "*gAAAAAAdwJ6wAAECAwQFBgcI!CQoLDA0ODy021?cpGVWKZ_eEwC@GM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==",
                        "1985-10-26T01:20:01-07:00"),
                Arguments.of(
                        "invalid non-urlsafe characters in b64",
                        "gAAAAAAdwJ6wAAEC/AwQFBgcICQoLDA0ODy+021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==",
                        "1985-10-26T01:20:01-07:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specInvalidTokens")
    void rejectsEverySpecInvalidTokenWithTheSpecTtl(String description, String token, String now) {
        Fernet fernet = specFernet(instant(now));

        assertThatThrownBy(() -> fernet.decrypt(token, SPEC_TTL))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageNotContaining(SPEC_SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specInvalidTokens")
    void withoutTtlRejectsEverySpecInvalidTokenExceptTheTwoTimeCases(String description, String token, String now) {
        Fernet fernet = specFernet(instant(now));
        boolean timeCase = description.contains("TTL") || description.contains("clock skew");

        if (timeCase) {
            // Correctly signed (the spec encrypted an empty message here): only an age limit
            // refuses them, and key files are read without one.
            assertThat(fernet.decrypt(token)).isEmpty();
        } else {
            assertThatThrownBy(() -> fernet.decrypt(token)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void classifiesRefusalsSoAWrongKeyCanBeToldFromDamage() {
        Fernet fernet = specFernet(SPEC_VERIFIED);

        assertThatThrownBy(() -> fernet.decrypt("gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPA=="))
                .extracting(e -> ((InvalidTokenException) e).reason())
                .isEqualTo(Reason.MALFORMED);
        assertThatThrownBy(
                        () -> fernet.decrypt(
                                "gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAl1-szkFVzXTuGb4hR8AKtwcaX1YdykQUFBQUFBQUFBQQ=="))
                .extracting(e -> ((InvalidTokenException) e).reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThatThrownBy(
                        () -> fernet.decrypt(
                                "gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0ODz4LEpdELGQAad7aNEHbf-JkLPIpuiYRLQ3RtXatOYREu2FWke6CnJNYIbkuKNqOhw=="))
                .extracting(e -> ((InvalidTokenException) e).reason())
                .isEqualTo(Reason.UNDECRYPTABLE);
    }

    @Test
    void decryptsATokenPublishedByAPythonCryptographyUser() {
        // Token and raw key from a public Python project's unit test that encrypts b"password" with
        // cryptography.fernet.Fernet(urlsafe_b64encode(key)); made by Python, not by this class.
        byte[] key = {
            0x02,
            (byte) 0xd5,
            'L',
            'G',
            'K',
            '?',
            '\t',
            (byte) 0x82,
            'W',
            'O',
            'H',
            '/',
            (byte) 0xcc,
            (byte) 0xbb,
            (byte) 0xdd,
            (byte) 0xde,
            0x10,
            (byte) 0x91,
            (byte) 0xf2,
            '|',
            (byte) 0xd2,
            'Q',
            0x08,
            (byte) 0xb0,
            'b',
            (byte) 0x95,
            (byte) 0xc8,
            '0',
            (byte) 0x8b,
            (byte) 0x92,
            (byte) 0xe5,
            'i'
        };
        String token =
                "gAAAAABmtM5-uYgymge8bM_BBpQvEGudcbq4bMrS3BlNf6IBS_WCdiS_BFGeWxwQv1PeR6DGjaVb2xvf05jRojU3goZRrOJ85A==";
        Fernet fernet = new Fernet(key, new SecureRandom(), Clock.systemUTC());

        assertThat(fernet.decrypt(token)).asString(StandardCharsets.UTF_8).isEqualTo("password");
        assertThat(fernet.issuedAt(token)).isEqualTo(Instant.ofEpochSecond(0x66b4ce7eL));
    }

    @Test
    void roundTripsAndStampsTheClockSecond() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00.750Z"));
        Fernet fernet = new Fernet(new byte[32], new SecureRandom(), clock);
        byte[] message = utf8("업비트 keys {\"a\":1}");

        String token = fernet.encrypt(message);

        assertThat(fernet.decrypt(token)).isEqualTo(message);
        assertThat(fernet.issuedAt(token)).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        // 22 message bytes pad to two blocks: 1 + 8 + 16 + 32 + 32 = 89 bytes, 120 base64 characters.
        assertThat(token).matches("[A-Za-z0-9_-]+=*").hasSize(120).endsWith("=");
    }

    @Test
    void usesAFreshIvForEveryToken() {
        Fernet fernet = new Fernet(new byte[32], new SecureRandom(), Clock.systemUTC());

        assertThat(fernet.encrypt(utf8("same"))).isNotEqualTo(fernet.encrypt(utf8("same")));
    }

    @Test
    void encryptsTheEmptyMessageToOneBlock() {
        Fernet fernet = new Fernet(new byte[32], new SecureRandom(), Clock.systemUTC());

        String token = fernet.encrypt(new byte[0]);

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(1 + 8 + 16 + 16 + 32);
        assertThat(fernet.decrypt(token)).isEmpty();
    }

    @Test
    void rejectsATokenWithAnyByteChanged() {
        Fernet fernet = specFernet(SPEC_VERIFIED);
        byte[] raw = Base64.getUrlDecoder().decode(SPEC_TOKEN);

        for (int i = 0; i < raw.length; i++) {
            byte[] changed = raw.clone();
            changed[i] ^= 0x01;
            String token = Base64.getUrlEncoder().encodeToString(changed);
            assertThatThrownBy(() -> fernet.decrypt(token))
                    .as("byte %d changed", i)
                    .isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        Fernet other = new Fernet(otherKey, new SecureRandom(), Clock.systemUTC());

        assertThatThrownBy(() -> other.decrypt(SPEC_TOKEN))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage("the token's signature does not match");
    }

    @Test
    void rejectsUnpaddedAndEmptyTokens() {
        Fernet fernet = specFernet(SPEC_VERIFIED);

        assertThatThrownBy(() -> fernet.decrypt(SPEC_TOKEN.replace("=", ""))).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> fernet.decrypt("")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> fernet.decrypt(null)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void acceptsATokenWithinTheTtlAndRefusesItAfter() {
        MutableClock clock = new MutableClock(SPEC_GENERATED);
        Fernet fernet = Fernet.fromEncodedKey(SPEC_SECRET, new SecureRandom(), clock);
        clock.advance(Duration.ofSeconds(60));

        assertThat(fernet.decrypt(SPEC_TOKEN, SPEC_TTL)).isNotEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> fernet.decrypt(SPEC_TOKEN, SPEC_TTL))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage("the token has expired");
    }

    @Test
    void refusesKeysOfTheWrongLengthWithoutShowingThem() {
        assertThatThrownBy(() -> new Fernet(new byte[16], new SecureRandom(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Fernet key has 32 bytes, not 16");
        assertThatThrownBy(() -> Fernet.fromEncodedKey("not base64!", new SecureRandom(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not base64!");
    }

    private static Fernet specFernet(Instant now) {
        return Fernet.fromEncodedKey(SPEC_SECRET, new SecureRandom(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
