package io.cointrader.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Secret;
import io.cointrader.testing.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyManagerTest {

    private static final String MASTER = "마스터 키 correct-horse-7";
    private static final String ACCESS = "CANARYaccessKEY0123456789abcdefghijklmnop";
    private static final String SECRET = "CANARYsecretKEY9876543210zyxwvutsrqponmlk";
    private static final UpbitKeys KEYS = new UpbitKeys(Secret.of(ACCESS), Secret.of(SECRET));

    // Made with Python's cryptography 48.0.0, exactly as the original tool did:
    //   key = base64.urlsafe_b64encode(hashlib.sha256(MASTER.encode("utf-8")).digest())
    //   payload = json.dumps({"version": 1, "api_key": ACCESS, "api_secret": SECRET}).encode()
    //   Fernet(key)._encrypt_from_parts(payload, 1700000000, bytes(range(16, 32)))
    private static final String PYTHON_PAYLOAD =
            "{\"version\": 1, \"api_key\": \"" + ACCESS + "\", \"api_secret\": \"" + SECRET + "\"}";
    private static final String PYTHON_V1_FIXED =
            "gAAAAABlU_EAEBESExQVFhcYGRobHB0eH3XllL9t9ge9S_eYYn8GOx0g84iiAbOxUkwlcri"
                    + "TYi6GDpAjb1Po1c1yXCpc9G8iV-3VaGwPBsNPvbT_3L0G_EkDSumPafTWktzSklGIrKohi3-Auv7MvEDCdeC2k504vyjSSKgoT1c"
                    + "OWFtZGzLJEbmJkiRN21c4eeZmDopbjJnzqxR-cGpqU5OZgSd8j3sC3aadqvXnC-eT9etTGT7peIqjhlSqKSkqrISB68IvCcHF";
    // The same payload through Fernet(key).encrypt(payload), with a random IV and the real time.
    private static final String PYTHON_V1_RANDOM =
            "gAAAAABrBjgJ8ee1ZOFjv6yIazPeb0RKB84QKU8EVO-vuma5OCrQjHyOC1NGCZGsn4w-"
                    + "ETqozekirIZjhhwPvdxp3a-ah1iDzvAoX5GPZHbNRwcaPwVqdyjKti7F-er4sjxJzu6Gu9yHs7qrEBjkpONhxjD3IuZOVbksL4c4Q"
                    + "zwmxS_CRQc4jf_ncrnOun4kk48rUJYlLGjQK57dBNIAaJrtOldkDa_JpR5jKO2O5U8cpuvLqQnUrLogZEdSXg_OVMx3PmUw5o10";
    // A version 2 file made by Python, independently of this code:
    //   salt = bytes(range(100, 116)); dk = hashlib.pbkdf2_hmac("sha256", MASTER.encode(), salt, 10000, 32)
    //   Fernet(urlsafe_b64encode(dk))._encrypt_from_parts(json.dumps({"version": 2, "exchange": "upbit",
    //       "api_key": ACCESS, "api_secret": SECRET}).encode(), 1700000000, bytes(range(32, 48)))
    private static final String PYTHON_V2 =
            "{\"format\": \"coin-trader-keys\", \"version\": 2, \"kdf\": \"pbkdf2-sha256\","
                    + " \"params\": {\"iterations\": 10000}, \"salt\": \"ZGVmZ2hpamtsbW5vcHFycw==\", \"token\": \""
                    + "gAAAAABlU_EAICEiIyQlJicoKSorLC0uL35ue-RO1Ac-8pbwXs6spW-ydUVAwZ6Z4GVJl_R7VHbpYDMM1-iVoYXyP-yXdWWTpb9p2s"
                    + "tqVHACpJVbuOOKmeiYksjUPvLyrSPgXqZ2wY70ZHe3gmrimTKwZTpAdPEvbx3YgFbIk7x3H2qmL3wgHEtLhCN6VuvGBZfGLCMcU3Non"
                    + "pexK50mj0xPJvm4zxHAuQ6dLePkt37iCo6K6gDsvhfHm4vg8Ak8BgErfRyrIPzGVsNB5KfyGqo4AWVaFbVucg==\"}";

    private static final int TEST_ITERATIONS = SaltedKeyFile.MIN_ITERATIONS;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final KeyManager manager = new KeyManager(new SecureRandom(), clock, TEST_ITERATIONS);

    @Test
    void readsAKeyFileOfTheOriginalPythonTool() throws IOException {
        assertThat(manager.read(keyFile(PYTHON_V1_FIXED), Secret.of(MASTER))).isEqualTo(KEYS);
        assertThat(manager.read(keyFile(PYTHON_V1_RANDOM + "\n"), Secret.of(MASTER)))
                .isEqualTo(KEYS);
    }

    @Test
    void derivesTheOriginalFernetKeyAndTokenBitForBit() {
        byte[] key = OriginalKeyFile.fernetKey(Secret.of(MASTER));
        Fernet fernet = new Fernet(
                key, FixedRandom.counting(16, 16), Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));

        assertThat(Base64.getUrlEncoder().encodeToString(key))
                .isEqualTo("twVZhptAVLPt98woIWqEoUU2lYAb4OIoGxVnhpqYXMY=");
        assertThat(fernet.encrypt(PYTHON_PAYLOAD.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(PYTHON_V1_FIXED);
    }

    @Test
    void readsAVersion2FileMadeByAnIndependentImplementation() throws IOException {
        assertThat(manager.read(keyFile(PYTHON_V2), Secret.of(MASTER))).isEqualTo(KEYS);
    }

    @Test
    void writesVersion2AndReadsItBack() throws IOException {
        Path file = dir.resolve("upbit_keys.enc");

        manager.write(file, Secret.of(MASTER), KEYS);

        assertThat(manager.read(file, Secret.of(MASTER))).isEqualTo(KEYS);
        JsonNode envelope = new ObjectMapper().readTree(file.toFile());
        assertThat(envelope.get("format").asText()).isEqualTo("coin-trader-keys");
        assertThat(envelope.get("version").asInt()).isEqualTo(2);
        assertThat(envelope.get("kdf").asText()).isEqualTo("pbkdf2-sha256");
        assertThat(Base64.getUrlDecoder().decode(envelope.get("salt").asText())).hasSize(16);
        assertThat(Files.readString(file)).doesNotContain(ACCESS, SECRET, MASTER);
        byte[] key = SaltedKeyFile.derive(
                Secret.of(MASTER),
                Base64.getUrlDecoder().decode(envelope.get("salt").asText()),
                TEST_ITERATIONS);
        assertThat(new Fernet(key, new SecureRandom(), clock)
                        .issuedAt(envelope.get("token").asText()))
                .isEqualTo(clock.instant());
    }

    @Test
    void writesWithSixHundredThousandIterationsByDefault() throws IOException {
        KeyManager standard = new KeyManager(new SecureRandom(), clock);
        Path file = dir.resolve("upbit_keys.enc");

        standard.write(file, Secret.of(MASTER), KEYS);

        JsonNode envelope = new ObjectMapper().readTree(file.toFile());
        // Reading back takes the count from the file, the path the other tests cover at a lower count.
        assertThat(envelope.get("params").get("iterations").asInt()).isEqualTo(600_000);
    }

    @Test
    void usesAFreshSaltForEveryWrite() throws IOException {
        Path first = dir.resolve("a.enc");
        Path second = dir.resolve("b.enc");

        manager.write(first, Secret.of(MASTER), KEYS);
        manager.write(second, Secret.of(MASTER), KEYS);

        assertThat(new ObjectMapper().readTree(first.toFile()).get("salt"))
                .isNotEqualTo(new ObjectMapper().readTree(second.toFile()).get("salt"));
    }

    @Test
    void writesTheFileOwnerOnlyInOwnerOnlyDirectories() throws IOException {
        Path file = dir.resolve("data").resolve("keys").resolve("upbit_keys.enc");

        manager.write(file, Secret.of(MASTER), KEYS);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                .isEqualTo("rwx------");
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = keyFile(PYTHON_V1_FIXED);
        UpbitKeys newKeys = new UpbitKeys(Secret.of("NEWaccess"), Secret.of("NEWsecret"));

        manager.write(file, Secret.of("another master"), newKeys);

        assertThat(manager.read(file, Secret.of("another master"))).isEqualTo(newKeys);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void namesTheCommandWhenTheFileIsMissing() {
        Path file = dir.resolve("upbit_keys.enc");

        assertThatThrownBy(() -> manager.read(file, Secret.of(MASTER)))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("no key file at " + file + "; create it with 'trader encrypt-keys --exchange upbit'");
    }

    @Test
    void saysWhenTheMasterKeyIsWrongForEitherVersion() throws IOException {
        Path original = keyFile(PYTHON_V1_FIXED);
        Path salted = dir.resolve("salted.enc");
        manager.write(salted, Secret.of(MASTER), KEYS);

        for (Path file : List.of(original, salted)) {
            assertThatThrownBy(() -> manager.read(file, Secret.of("wrong master")))
                    .isInstanceOf(KeyFileException.class)
                    .hasMessage("the master key does not decrypt " + file + " (wrong key, or the file was changed)");
        }
    }

    @Test
    void neverTrimsTheMasterKeyAndHintsAtWhitespace() throws IOException {
        String spaced = MASTER + " ";
        Path file = keyFile(new Fernet(OriginalKeyFile.fernetKey(Secret.of(spaced)), new SecureRandom(), clock)
                .encrypt(PYTHON_PAYLOAD.getBytes(StandardCharsets.UTF_8)));

        assertThat(manager.read(file, Secret.of(spaced))).isEqualTo(KEYS);
        assertThatThrownBy(() -> manager.read(file, Secret.of(MASTER))).isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> manager.read(keyFile(PYTHON_V1_FIXED), Secret.of(spaced)))
                .hasMessageEndingWith("; note that the given master key begins or ends with whitespace");
    }

    @Test
    void refusesToWriteUnderAMasterKeyWithSurroundingWhitespace() {
        Path file = dir.resolve("upbit_keys.enc");

        assertThatThrownBy(() -> manager.write(file, Secret.of(" " + MASTER), KEYS))
                .isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith("the master key begins or ends with whitespace");
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesABlankMasterKey() throws IOException {
        Path file = keyFile(PYTHON_V1_FIXED);

        assertThatThrownBy(() -> manager.read(file, Secret.of("  ")))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("the master key is empty");
        assertThatThrownBy(() -> manager.write(file, Secret.of(""), KEYS)).hasMessage("the master key is empty");
    }

    @Test
    void refusesApiKeysWithWhitespace() {
        UpbitKeys pasted = new UpbitKeys(Secret.of(ACCESS + "\n"), Secret.of(SECRET));

        assertThatThrownBy(() -> manager.write(dir.resolve("k.enc"), Secret.of(MASTER), pasted))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("the access key contains spaces or line breaks; paste it again as one word");
    }

    @Test
    void reportsATruncatedOriginalFileAsDamagedOrChanged() throws IOException {
        Path cut = keyFile(PYTHON_V1_FIXED.substring(0, 60));
        // 64 characters are 48 bytes, three AES blocks: still well formed, but the signature is gone.
        Path cutOnABlock = keyFile(PYTHON_V1_FIXED.substring(0, PYTHON_V1_FIXED.length() - 64));

        assertThatThrownBy(() -> manager.read(cut, Secret.of(MASTER)))
                .hasMessage(cut + " is damaged (the encrypted token is malformed)");
        assertThatThrownBy(() -> manager.read(cutOnABlock, Secret.of(MASTER)))
                .hasMessage("the master key does not decrypt " + cutOnABlock + " (wrong key, or the file was changed)");
    }

    @Test
    void reportsADamagedEnvelope() throws IOException {
        Path truncated = keyFile(PYTHON_V2.substring(0, 120));
        Path noSalt = keyFile(edit(PYTHON_V2, e -> e.remove("salt")));
        Path badIterations = keyFile(edit(PYTHON_V2, e -> ((ObjectNode) e.get("params")).put("iterations", 5)));

        assertThatThrownBy(() -> manager.read(truncated, Secret.of(MASTER)))
                .hasMessage(truncated + " is damaged (the envelope is not valid JSON)");
        assertThatThrownBy(() -> manager.read(noSalt, Secret.of(MASTER))).hasMessage(noSalt + " is damaged (no salt)");
        assertThatThrownBy(() -> manager.read(badIterations, Secret.of(MASTER)))
                .hasMessage(badIterations + " is damaged (bad key derivation parameters)");
    }

    @Test
    void treatsAChangedSaltOrIterationCountAsAChangedFile() throws IOException {
        Path salt = keyFile(edit(PYTHON_V2, e -> e.put("salt", "ZGVmZ2hpamtsbW5vcHFyeA==")));
        Path iterations = keyFile(edit(PYTHON_V2, e -> ((ObjectNode) e.get("params")).put("iterations", 10_001)));

        for (Path file : List.of(salt, iterations)) {
            assertThatThrownBy(() -> manager.read(file, Secret.of(MASTER)))
                    .hasMessage("the master key does not decrypt " + file + " (wrong key, or the file was changed)");
        }
    }

    @Test
    void refusesFilesThatAreNotKeyFiles() throws IOException {
        Path text = keyFile("TRADING_MODE=paper\n");
        Path json = keyFile("{\"format\":\"something-else\"}");
        Path empty = keyFile("");

        assertThatThrownBy(() -> manager.read(text, Secret.of(MASTER)))
                .hasMessage(text + " is not a coin-trader or original key file");
        assertThatThrownBy(() -> manager.read(json, Secret.of(MASTER)))
                .hasMessage(json + " is not a coin-trader or original key file");
        assertThatThrownBy(() -> manager.read(empty, Secret.of(MASTER)))
                .hasMessage(empty + " is damaged (the file is empty)");
        assertThatThrownBy(() -> manager.read(dir, Secret.of(MASTER)))
                .hasMessage(dir + " is not a coin-trader or original key file");
    }

    @Test
    void saysWhenTheFileIsFromANewerVersion() throws IOException {
        Path file = keyFile(edit(PYTHON_V2, e -> e.put("version", 3)));

        assertThatThrownBy(() -> manager.read(file, Secret.of(MASTER)))
                .hasMessage(file + " was written by a newer coin-trader (key file version 3); upgrade to read it");
    }

    @Test
    void refusesAKeyFileThatGroupOrOthersMayRead() throws IOException {
        Path file = keyFile(PYTHON_V1_FIXED);

        for (String mode : List.of("rw-r-----", "rw----r--", "rw--w----")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> manager.read(file, Secret.of(MASTER)))
                    .isInstanceOf(KeyFileException.class)
                    .hasMessage(file + " can be read or changed by other users (" + mode + "); run 'chmod 600 " + file
                            + "' and try again");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(manager.read(file, Secret.of(MASTER))).isEqualTo(KEYS);
    }

    @Test
    void noErrorEverCarriesTheMasterKeyOrTheApiKeys() throws IOException {
        Path original = keyFile(PYTHON_V1_FIXED);
        Path salted = dir.resolve("salted.enc");
        manager.write(salted, Secret.of(MASTER), KEYS);
        Path wrongPayload = keyFile(new Fernet(OriginalKeyFile.fernetKey(Secret.of(MASTER)), new SecureRandom(), clock)
                .encrypt(("{\"version\": 7, \"api_key\": \"" + ACCESS + "\", \"api_secret\": \"" + SECRET + "\"")
                        .getBytes(StandardCharsets.UTF_8)));
        Path openFile = keyFile(PYTHON_V1_FIXED);
        Files.setPosixFilePermissions(openFile, PosixFilePermissions.fromString("rw-rw-rw-"));
        List<Supplier<Object>> failures = List.of(
                () -> manager.read(original, Secret.of(MASTER + "x")),
                () -> manager.read(salted, Secret.of(MASTER + "x")),
                () -> manager.read(original, Secret.of(" " + MASTER)),
                () -> manager.read(wrongPayload, Secret.of(MASTER)),
                () -> manager.read(openFile, Secret.of(MASTER)),
                () -> manager.read(dir.resolve("missing"), Secret.of(MASTER)),
                () -> write(dir.resolve("w.enc"), MASTER + "\t", KEYS),
                () -> write(dir.resolve("w.enc"), MASTER, new UpbitKeys(Secret.of(ACCESS + " "), Secret.of(SECRET))),
                () -> write(dir.resolve("w.enc"), MASTER, new UpbitKeys(Secret.of(ACCESS), Secret.of(SECRET + " "))),
                () -> write(original.resolve("under-a-file.enc"), MASTER, KEYS));

        List<Throwable> thrown = new ArrayList<>();
        for (Supplier<Object> failure : failures) {
            try {
                failure.get();
            } catch (RuntimeException e) {
                thrown.add(e);
            }
        }

        assertThat(thrown).hasSize(failures.size()).allSatisfy(e -> {
            assertThat(e).isInstanceOf(KeyFileException.class);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(MASTER, ACCESS, SECRET, "CANARY");
        });
        assertThat(thrown.get(3))
                .hasMessage(wrongPayload + " is damaged (the decrypted content is not an Upbit key record)");
        assertThat(thrown.get(9)).hasMessageStartingWith("cannot write " + original.resolve("under-a-file.enc"));
    }

    private Object write(Path file, String master, UpbitKeys keys) {
        manager.write(file, Secret.of(master), keys);
        return file;
    }

    private Path keyFile(String content) throws IOException {
        Path file = Files.createTempFile(
                dir,
                "keys",
                ".enc",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file;
    }

    private static String edit(String json, java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = (ObjectNode) mapper.readTree(json);
        change.accept(node);
        return mapper.writeValueAsString(node);
    }
}
