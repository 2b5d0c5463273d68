package io.cointrader.llm.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the authorize URL with exactly the parameters the Codex CLI sends, in its order. */
public final class AuthorizeUrl {

    /** The public client id of the Codex CLI (no client secret exists). */
    public static final String CLIENT_ID = "app_EMoamEEZ73f0CkXaXp7hrann";

    public static final String SCOPE = "openid profile email offline_access";
    public static final String ORIGINATOR = "codex_cli_rs";
    public static final String CALLBACK_PATH = "/auth/callback";

    private AuthorizeUrl() {}

    /** {@code http://localhost:<port>/auth/callback}: the allow-listed form (host and path are fixed). */
    public static String redirectUri(int port) {
        return "http://localhost:" + port + CALLBACK_PATH;
    }

    public static URI build(URI issuer, String redirectUri, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", CLIENT_ID);
        query.put("redirect_uri", redirectUri);
        query.put("scope", SCOPE);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        query.put("id_token_add_organizations", "true");
        query.put("codex_cli_simplified_flow", "true");
        query.put("state", pkce.state());
        query.put("originator", ORIGINATOR);
        return URI.create(endpoint(issuer, "/oauth/authorize") + "?" + formEncode(query));
    }

    static String endpoint(URI issuer, String path) {
        String base = issuer.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** application/x-www-form-urlencoded, which is also a valid percent-encoded query string. */
    static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        // URLEncoder writes a space as '+'; %20 is correct in both a query and a form body.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
