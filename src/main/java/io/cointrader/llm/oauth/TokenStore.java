package io.cointrader.llm.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Secret;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The token file: {@code {tokens:{id_token, access_token, refresh_token, account_id}, expires_at,
 * last_refresh}}. Written owner-only (0600 in a 0700 directory) through a temporary file moved
 * atomically into place, so a crash never leaves half a file or a rotated-away refresh token. A
 * file that group or others may read is refused rather than silently fixed: its tokens may already
 * have been copied, and the user should know.
 */
public final class TokenStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final boolean posix;

    public TokenStore(Path file) {
        this.file = file.toAbsolutePath();
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** The stored tokens, or empty when there is no file. */
    public Optional<OAuthTokens> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            checkOwnerOnly();
            return Optional.of(fromJson(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new LlmException(
                    Kind.AUTH,
                    "cannot read the token file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    public void save(OAuthTokens tokens) {
        try {
            Path dir = file.getParent();
            createPrivateDirectory(dir);
            Path temp = posix
                    ? Files.createTempFile(
                            dir, ".codex-auth", ".tmp", PosixFilePermissions.asFileAttribute(ownerOnly("rw-------")))
                    : Files.createTempFile(dir, ".codex-auth", ".tmp");
            try {
                Files.writeString(temp, toJson(tokens), StandardCharsets.UTF_8);
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new LlmException(
                    Kind.AUTH,
                    "cannot write the token file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(ownerOnly("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private void checkOwnerOnly() throws IOException {
        if (!posix) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new LlmException(
                    Kind.AUTH,
                    "the token file " + file + " is accessible to other users ("
                            + PosixFilePermissions.toString(permissions) + "); its tokens may have leaked."
                            + " Run: chmod 600 " + file + " (or delete it and log in again)");
        }
    }

    private static Set<PosixFilePermission> ownerOnly(String mode) {
        return PosixFilePermissions.fromString(mode);
    }

    private static String toJson(OAuthTokens tokens) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("tokens")
                .put("id_token", tokens.idToken().reveal())
                .put("access_token", tokens.accessToken().reveal())
                .put("refresh_token", tokens.refreshToken().reveal())
                .put("account_id", tokens.accountId());
        root.put("expires_at", tokens.expiresAt().toString());
        root.put("last_refresh", tokens.lastRefresh().toString());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private OAuthTokens fromJson(JsonNode root) {
        JsonNode tokens = root == null ? null : root.get("tokens");
        if (tokens == null || !tokens.isObject()) {
            throw malformed("no tokens object");
        }
        try {
            return new OAuthTokens(
                    Secret.of(required(tokens, "id_token")),
                    Secret.of(required(tokens, "access_token")),
                    Secret.of(required(tokens, "refresh_token")),
                    tokens.path("account_id").asText(""),
                    Instant.parse(required(root, "expires_at")),
                    Instant.parse(required(root, "last_refresh")));
        } catch (DateTimeParseException e) {
            throw malformed("a time is not ISO-8601");
        }
    }

    private String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw malformed("missing " + field);
        }
        return value.asText();
    }

    private LlmException malformed(String what) {
        return new LlmException(
                Kind.AUTH, "the token file " + file + " is damaged (" + what + "); delete it and log in again");
    }
}
