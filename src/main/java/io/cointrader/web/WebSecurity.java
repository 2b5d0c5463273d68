package io.cointrader.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The dashboard's {@link AccessGuard}: loopback {@code Host} names only when there is no master code (DNS
 * rebinding), an in-memory session per browser in the {@code ct_session} cookie, the login with the master
 * code and its lock-out, the CSRF token and the {@code Origin} and {@code Content-Type} checks on every
 * state-changing request. Anything that is not public needs a logged-in session when a master code is set:
 * {@code /api/*} and non-GET requests answer {@code 401}, pages redirect to {@code /login}. Thread-safe.
 */
public final class WebSecurity implements AccessGuard {

    static final String COOKIE = "ct_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String SESSION_ATTRIBUTE = "io.cointrader.web.session";
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Set<String> PUBLIC_GETS = Set.of("/login", "/favicon.ico", "/api/session");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SecurityConfig config;
    private final Optional<MasterCode> masterCode;
    private final Function<Context, String> clientAddress;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ObjectMapper json = new ObjectMapper();

    /** Identifies login clients by the socket's remote address (not by any forwarding header). */
    public WebSecurity(SecurityConfig config, Clock clock) {
        this(config, clock, ctx -> ctx.req().getRemoteAddr());
    }

    /** {@code clientAddress} names the client the per-client lock-out counts against. */
    public WebSecurity(SecurityConfig config, Clock clock, Function<Context, String> clientAddress) {
        this.config = config;
        this.masterCode = config.masterCode().map(MasterCode::of);
        this.clientAddress = clientAddress;
        this.sessions = new Sessions(
                clock, config.sessionIdle(), config.sessionMax(), config.maxSessions(), new SecureRandom());
        this.throttle =
                new LoginThrottle(clock, config.maxFailuresPerClient(), config.maxFailuresTotal(), config.lockout());
    }

    @Override
    public boolean authRequired() {
        return masterCode.isPresent();
    }

    @Override
    public void before(Context ctx) {
        if (config.loopbackHostsOnly() && !isLoopbackHost(ctx.header("Host"))) {
            throw new WebError(421, "unknown host");
        }
        Sessions.Session session = currentSession(ctx);
        boolean changesState = !SAFE_METHODS.contains(ctx.method().name());
        if (changesState) {
            checkOrigin(ctx);
        }
        if (authRequired() && !isPublic(ctx) && (session == null || !session.authenticated())) {
            refuseAnonymous(ctx);
            return;
        }
        if (changesState) {
            checkCsrfToken(ctx, session);
            checkContentType(ctx);
        }
    }

    @Override
    public void session(Context ctx) {
        Sessions.Session session = currentSession(ctx);
        if (session == null) {
            session = startSession(ctx, !authRequired());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("auth_required", authRequired());
        answer.put("authenticated", session.authenticated());
        answer.put("csrf_token", session.csrfToken());
        writeJson(ctx, answer);
    }

    @Override
    public void login(Context ctx) {
        MasterCode code = masterCode.orElseThrow(() -> new WebError(400, "no master code is set"));
        String client = clientAddress.apply(ctx);
        Duration wait = throttle.lockedFor(client);
        if (!wait.isZero()) {
            throw lockedOut(wait);
        }
        String typed = typedCode(ctx);
        LoginThrottle.Verdict verdict = throttle.attempt(client, () -> code.matches(typed));
        switch (verdict.outcome()) {
            case LOCKED -> throw lockedOut(verdict.retryAfter());
            case WRONG -> throw new WebError(401, "wrong code");
            case ACCEPTED -> {
                // a new id, so an id planted before the login is worth nothing after it
                sessions.remove(ctx.cookie(COOKIE));
                Sessions.Session session = startSession(ctx, true);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("authenticated", true);
                answer.put("csrf_token", session.csrfToken());
                writeJson(ctx, answer);
            }
        }
    }

    @Override
    public void logout(Context ctx) {
        sessions.remove(ctx.cookie(COOKIE));
        ctx.attribute(SESSION_ATTRIBUTE, null);
        ctx.cookie(sessionCookie(ctx, "", 0));
        writeJson(ctx, Map.of("authenticated", false));
    }

    @Override
    public String who(Context ctx) {
        if (!authRequired()) {
            return "local";
        }
        Sessions.Session session = ctx.attribute(SESSION_ATTRIBUTE);
        return session == null ? "anonymous" : "session:" + session.tag();
    }

    private Sessions.Session currentSession(Context ctx) {
        Sessions.Session known = ctx.attribute(SESSION_ATTRIBUTE);
        if (known != null) {
            return known;
        }
        Sessions.Session session = sessions.use(ctx.cookie(COOKIE)).orElse(null);
        ctx.attribute(SESSION_ATTRIBUTE, session);
        return session;
    }

    private Sessions.Session startSession(Context ctx, boolean authenticated) {
        Sessions.Issued issued = sessions.create(authenticated);
        ctx.cookie(sessionCookie(ctx, issued.id(), (int) config.sessionMax().toSeconds()));
        ctx.attribute(SESSION_ATTRIBUTE, issued.session());
        return issued.session();
    }

    private static Cookie sessionCookie(Context ctx, String value, int maxAgeSeconds) {
        boolean secure = "https".equalsIgnoreCase(ctx.req().getScheme());
        return new Cookie(COOKIE, value, "/", maxAgeSeconds, secure, true, null, SameSite.STRICT);
    }

    private static boolean isPublic(Context ctx) {
        String method = ctx.method().name();
        String path = ctx.path();
        if ("POST".equals(method)) {
            return "/api/login".equals(path);
        }
        return "GET".equals(method)
                && (PUBLIC_GETS.contains(path)
                        || isPlainPathUnder(path, "/assets/")
                        || isPlainPathUnder(path, "/webjars/"));
    }

    // no dot segments, escapes or empty segments, so no reading of the path can lead out of the prefix
    private static boolean isPlainPathUnder(String path, String prefix) {
        return path.startsWith(prefix)
                && !path.contains("..")
                && !path.contains("%")
                && !path.contains("//")
                && !path.contains("\\");
    }

    private static void refuseAnonymous(Context ctx) {
        boolean page =
                !ctx.path().startsWith("/api/") && "GET".equals(ctx.method().name());
        if (!page) {
            throw new WebError(401, "login required");
        }
        // in a before-handler Javalin's redirect also drops the endpoint handler
        ctx.redirect("/login", HttpStatus.FOUND);
    }

    static boolean isLoopbackHost(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            name = end < 0 ? host : host.substring(0, end + 1);
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
        }
        return LOOPBACK_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    private static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            throw new WebError(403, "cross-site request refused");
        }
    }

    private static void checkCsrfToken(Context ctx, Sessions.Session session) {
        String token = ctx.header(CSRF_HEADER);
        if (session == null || token == null || !SecurityTokens.sameText(token, session.csrfToken())) {
            throw new WebError(403, "missing or wrong CSRF token");
        }
    }

    private static void checkContentType(Context ctx) {
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody) {
            return;
        }
        String type = ctx.header("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim();
        if (!"application/json".equalsIgnoreCase(mediaType)) {
            throw new WebError(415, "Content-Type must be application/json");
        }
    }

    private static WebError lockedOut(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        long minutes = (seconds + 59) / 60;
        return new WebError(429, "too many wrong codes; try again in " + minutes + " minutes", seconds);
    }

    private String typedCode(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new WebError(400, "malformed JSON");
        }
        JsonNode code = body == null ? null : body.get("code");
        if (code == null || !code.isTextual()) {
            throw new WebError(400, "code must be a string");
        }
        return code.textValue();
    }

    private void writeJson(Context ctx, Map<String, Object> answer) {
        try {
            ctx.header("Cache-Control", "no-store")
                    .contentType("application/json")
                    .result(json.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and booleans always serialises", e);
        }
    }
}
