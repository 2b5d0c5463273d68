package io.cointrader.llm.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Secret;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The issuer's token endpoint: the authorization-code exchange and the refresh grant. Request and
 * response bodies are never logged; error messages carry the error code, with anything sent masked.
 */
public final class TokenClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PERMANENT_REFRESH_ERRORS =
            Set.of("refresh_token_expired", "refresh_token_reused", "refresh_token_invalidated", "invalid_grant");

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final Duration timeout;

    public TokenClient(HttpClient http, URI issuer, Duration timeout) {
        this.http = http;
        this.tokenEndpoint = URI.create(AuthorizeUrl.endpoint(issuer, "/oauth/token"));
        this.timeout = timeout;
    }

    /** Trades the callback's code for tokens; all three tokens must come back. */
    public TokenGrant exchangeCode(Secret code, String redirectUri, Secret verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code.reveal());
        form.put("redirect_uri", redirectUri);
        form.put("client_id", AuthorizeUrl.CLIENT_ID);
        form.put("code_verifier", verifier.reveal());
        HttpResponse<String> response = post(formRequest(form));
        if (response.statusCode() / 100 != 2) {
            ErrorBody error = ErrorBody.parse(response.body());
            Kind kind = response.statusCode() >= 500 ? Kind.UNAVAILABLE : Kind.AUTH;
            throw new LlmException(
                    kind,
                    "login code exchange failed (HTTP " + response.statusCode() + " " + error.summary(code, verifier)
                            + "); log in again");
        }
        TokenGrant grant = parseGrant(response.body());
        if (grant.idToken().isEmpty()
                || grant.accessToken().isEmpty()
                || grant.refreshToken().isEmpty()) {
            throw new LlmException(Kind.MALFORMED, "the token endpoint's answer lacks id, access or refresh token");
        }
        return grant;
    }

    /**
     * Uses the single-use refresh token. JSON first (current Codex); a 400 or 415 that is not a
     * known refresh-token error is retried once form-encoded, the other encoding in use.
     *
     * @throws LlmException AUTH when the refresh token is expired, reused or revoked, or on 401
     */
    public TokenGrant refresh(Secret refreshToken) {
        ObjectNode json = JSON.createObjectNode()
                .put("client_id", AuthorizeUrl.CLIENT_ID)
                .put("grant_type", "refresh_token")
                .put("refresh_token", refreshToken.reveal());
        HttpResponse<String> response = post(request("application/json", json.toString()));
        if ((response.statusCode() == 400 || response.statusCode() == 415)
                && !PERMANENT_REFRESH_ERRORS.contains(
                        ErrorBody.parse(response.body()).code())) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken.reveal());
            form.put("client_id", AuthorizeUrl.CLIENT_ID);
            response = post(formRequest(form));
        }
        if (response.statusCode() / 100 != 2) {
            throw refreshFailure(response, refreshToken);
        }
        return parseGrant(response.body());
    }

    private static LlmException refreshFailure(HttpResponse<String> response, Secret refreshToken) {
        int status = response.statusCode();
        ErrorBody error = ErrorBody.parse(response.body());
        String detail = "HTTP " + status + (error.code().isEmpty() ? "" : " " + error.summary(refreshToken));
        if (status == 429) {
            return new LlmException(Kind.RATE_LIMITED, "token refresh rate limited (" + detail + ")");
        }
        if (status >= 500) {
            return new LlmException(Kind.UNAVAILABLE, "token refresh failed (" + detail + "); will retry");
        }
        // 401, the refresh-token codes, and any other 4xx after both encodings: only a new login helps.
        return new LlmException(Kind.AUTH, "the ChatGPT login has expired (" + detail + "); log in again");
    }

    private HttpRequest formRequest(Map<String, String> form) {
        return request("application/x-www-form-urlencoded", AuthorizeUrl.formEncode(form));
    }

    private HttpRequest request(String contentType, String body) {
        return HttpRequest.newBuilder(tokenEndpoint)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> post(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new LlmException(
                    Kind.TIMEOUT, "the token endpoint did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new LlmException(
                    Kind.TIMEOUT,
                    "cannot reach the token endpoint: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(Kind.TIMEOUT, "interrupted while calling the token endpoint");
        }
    }

    private static TokenGrant parseGrant(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new LlmException(Kind.MALFORMED, "the token endpoint's answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new LlmException(Kind.MALFORMED, "the token endpoint's answer is not a JSON object");
        }
        JsonNode expires = root.get("expires_in");
        long expiresIn = expires != null && expires.canConvertToLong() && expires.asLong() > 0
                ? expires.asLong()
                : TokenGrant.DEFAULT_EXPIRES_IN;
        return new TokenGrant(
                secret(root, "id_token"), secret(root, "access_token"), secret(root, "refresh_token"), expiresIn);
    }

    private static Optional<Secret> secret(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() && !node.asText().isEmpty()
                ? Optional.of(Secret.of(node.asText()))
                : Optional.empty();
    }
}
