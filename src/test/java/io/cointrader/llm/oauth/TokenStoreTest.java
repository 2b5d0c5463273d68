package io.cointrader.llm.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cointrader.core.Secret;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path dir;

    final OAuthTokens tokens = new OAuthTokens(
            Secret.of("id-1"),
            Secret.of("access-1"),
            Secret.of("refresh-1"),
            "acct-9",
            Instant.parse("2026-07-01T01:00:00Z"),
            Instant.parse("2026-07-01T00:00:00Z"));

    @Test
    void savesOwnerOnlyInAPrivateDirectoryAndReadsBack() throws Exception {
        TokenStore store = new TokenStore(dir.resolve("a/b/auth.json"));

        store.save(tokens);
        store.save(tokens);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))))
                .isEqualTo("rwx------");
        assertThat(store.load()).contains(tokens);
        assertThat(Files.list(dir.resolve("a/b"))).hasSize(1);
        assertThat(Files.readString(store.file()))
                .contains("\"tokens\"", "\"id_token\"", "\"expires_at\"", "\"last_refresh\"", "\"account_id\"");
    }

    @Test
    void refusesAFileOthersCanReadAndSaysHowToFixIt() throws Exception {
        TokenStore store = new TokenStore(dir.resolve("auth.json"));
        store.save(tokens);
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        LlmException e = catchThrowableOfType(store::load, LlmException.class);

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage()).contains("accessible to other users").contains("chmod 600");
        assertThat(e.getMessage()).doesNotContain("refresh-1");
    }

    @Test
    void aMissingFileIsEmptyAndADamagedOneIsAClearError() throws Exception {
        TokenStore store = new TokenStore(dir.resolve("auth.json"));
        assertThat(store.load()).isEmpty();

        Files.writeString(store.file(), "{\"tokens\":{\"access_token\":\"secret-access\"}}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-------"));
        LlmException e = catchThrowableOfType(store::load, LlmException.class);

        assertThat(e.getMessage())
                .contains("damaged")
                .contains("missing id_token")
                .doesNotContain("secret-access");
    }
}
