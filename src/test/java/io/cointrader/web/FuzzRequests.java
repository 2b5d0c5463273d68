package io.cointrader.web;

import io.cointrader.testing.Fuzz;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random requests to the dashboard, built around its real routes: methods, request targets (with
 * trailing slashes, case changes, dot segments, encodings, junk), query strings, {@code Host}, {@code
 * Origin} and {@code Content-Type} headers, credentials and bodies (valid, mutated, junk, too large).
 */
final class FuzzRequests {

    /** Which credentials the request carries; the real values are filled in when it is sent. */
    enum Credentials {
        NONE,
        SESSION_AND_CSRF,
        SESSION_WRONG_CSRF,
        SESSION_NO_CSRF,
        CSRF_NO_SESSION,
        JUNK_SESSION,
        OTHER_SERVERS_SESSION
    }

    /** How the {@code Host} header is set; {@code LOOPBACK} names the server's own address and port. */
    enum HostHeader {
        LOOPBACK,
        LOCALHOST,
        FOREIGN,
        JUNK,
        MISSING
    }

    /** How the {@code Origin} header is set; {@code SAME} is {@code http://} plus the Host header. */
    enum OriginHeader {
        NONE,
        SAME,
        FOREIGN,
        JUNK
    }

    record Request(
            boolean guarded,
            String method,
            String target,
            HostHeader host,
            OriginHeader origin,
            Credentials credentials,
            List<String> headers,
            byte[] body,
            boolean chunked) {}

    static final List<String> GETS = List.of(
            "/api/status",
            "/api/balances",
            "/api/positions",
            "/api/pnl",
            "/api/orders",
            "/api/orders/open",
            "/api/safety-events",
            "/api/decisions",
            "/api/charts/price",
            "/api/charts/equity",
            "/api/audit",
            "/api/session",
            "/",
            "/login",
            "/favicon.ico",
            "/assets/app.js",
            "/assets/app.css",
            "/assets/favicon.svg",
            "/webjars/uplot/1.6.30/dist/uPlot.min.css");

    static final List<String> POSTS = List.of(
            "/api/login",
            "/api/logout",
            "/api/trading/start",
            "/api/trading/stop",
            "/api/kill-switch/activate",
            "/api/kill-switch/deactivate");

    private static final List<String> METHODS =
            List.of("GET", "GET", "GET", "POST", "POST", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE");
    // CONNECT is left out: DashboardServerTest checks that its refusal closes the connection at once
    private static final List<String> ODD_METHODS = List.of("FOO", "get", "PROPFIND", "G(T", "");
    private static final List<String> PARAMS = List.of("limit", "offset", "kind", "symbol", "points", "x", "");
    private static final List<String> GOOD_VALUES =
            List.of("1", "50", "500", "2000", "0", "risk", "llm_advice", "BTC/KRW", "ETH/KRW", "DOGE/KRW");
    private static final List<String> TRAVERSALS = List.of(
            "/assets/../../logback.xml",
            "/assets/../index.html",
            "/assets/%2e%2e/%2e%2e/logback.xml",
            "/assets/%252e%252e/%252e%252e/logback.xml",
            "/assets/..%2f..%2flogback.xml",
            "/assets/..\\..\\logback.xml",
            "/assets/%5c..%5c..%5clogback.xml",
            "/assets/....//....//logback.xml",
            "/assets/../../io/cointrader/app/Main.class",
            "/webjars/../../logback.xml",
            "/webjars/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
            "/webjars/uplot/../../../META-INF/MANIFEST.MF",
            "/webjars/..%252f..%252flogback.xml",
            "/assets/%c0%ae%c0%ae/%c0%ae%c0%ae/logback.xml",
            "/assets//etc/passwd",
            "/assets/../../../../../../../../etc/passwd",
            "/../../etc/passwd",
            "/assets/%00/app.js",
            "/assets/app.js%00.html");
    private static final List<String> VALID_BODIES = List.of(
            "{\"mode\":\"paper\"}",
            "{\"mode\":\"live\",\"confirmation\":\"I_UNDERSTAND_LIVE_TRADING\"}",
            "{\"reason\":\"fuzz\"}",
            "{}",
            "{\"code\":\"wrong-code\"}",
            "{\"reason\":\"\\ud800\"}",
            "{\"reason\":\"a\\udfffb\\u0000\\u2028c\"}",
            "{\"mode\":\"\\ud83d\"}",
            "{\"code\":\"" + DashboardFuzzProperties.CODE + "\"}");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=x-bogus",
            "application/json; charset=",
            "application/json; charset=\"utf-16\"",
            "APPLICATION/JSON",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonp",
            "");
    private static final List<String> EXTRA_HEADERS = List.of(
            "X-Forwarded-For: 10.0.0.1",
            "X-Forwarded-Host: evil.example",
            "X-Forwarded-Proto: https",
            "Referer: http://evil.example/",
            "Range: bytes=0-10",
            "Range: bytes=999999-",
            "Range: bytes=-1,-2,-3,junk",
            "If-None-Match: *",
            "If-Modified-Since: Thu, 01 Jan 2099 00:00:00 GMT",
            "Accept: text/html",
            "Accept-Encoding: gzip, deflate, br",
            "Cookie: ct_session=",
            "Cookie: ct_session=a; ct_session=b",
            "X-CSRF-Token: ",
            "Content-Encoding: gzip",
            "X-HTTP-Method-Override: DELETE");

    private FuzzRequests() {}

    static Arbitrary<Request> requests() {
        return Arbitraries.randomValue(FuzzRequests::request);
    }

    private static Request request(Random random) {
        boolean post = random.nextBoolean();
        String method = random.nextInt(12) == 0 ? pick(ODD_METHODS, random) : pick(METHODS, random);
        String path = random.nextInt(10) == 0 ? pick(TRAVERSALS, random) : pick(post ? POSTS : GETS, random);
        String target = mutatePath(path, random) + query(random);
        List<String> headers = new ArrayList<>();
        int extras = random.nextInt(3);
        for (int i = 0; i < extras; i++) {
            headers.add(random.nextInt(6) == 0 ? "X-Fuzz: " + Fuzz.nasty(random) : pick(EXTRA_HEADERS, random));
        }
        byte[] body = body(random, method.equals("POST"));
        if (body.length > 0 || random.nextInt(4) == 0) {
            String type = random.nextInt(12) == 0 ? Fuzz.nasty(random) : pick(CONTENT_TYPES, random);
            if (!type.isEmpty()) {
                headers.add("Content-Type: " + type);
            }
        }
        return new Request(
                random.nextBoolean(),
                method,
                target,
                weighted(HostHeader.values(), random, 6),
                weighted(OriginHeader.values(), random, 5),
                weighted(Credentials.values(), random, 4),
                headers,
                body,
                body.length > 0 && random.nextInt(8) == 0);
    }

    private static String mutatePath(String path, Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> path + "/";
            case 1 -> "/" + path;
            case 2 -> path.toUpperCase(java.util.Locale.ROOT);
            case 3 -> path + "/" + encode(Fuzz.nasty(random));
            case 4 -> path + ";jsessionid=x";
            case 5 -> path.replace("/", "/./");
            case 6 -> percentEncodeOneLetter(path, random);
            case 7 -> path + "%";
            case 8 -> path + "/" + "x".repeat(random.nextInt(20_000));
            case 9 -> "http://evil.example" + path;
            case 10 -> random.nextBoolean() ? "*" : path + "#frag";
            case 11 -> path + Fuzz.nasty(random);
            default -> path;
        };
    }

    private static String query(Random random) {
        if (random.nextBoolean()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        int params = 1 + random.nextInt(3);
        for (int i = 0; i < params; i++) {
            String value = random.nextBoolean() ? pick(GOOD_VALUES, random) : Fuzz.nasty(random);
            out.append(i == 0 ? "" : "&").append(pick(PARAMS, random)).append('=');
            out.append(random.nextInt(5) == 0 ? value : encode(value));
        }
        return out.toString();
    }

    private static byte[] body(Random random, boolean post) {
        if (!post && random.nextInt(5) > 0) {
            return new byte[0];
        }
        String text =
                switch (random.nextInt(10)) {
                    case 0 -> "";
                    case 1, 2 -> pick(VALID_BODIES, random);
                    case 3, 4, 5 -> Fuzz.jsonMutant(VALID_BODIES, random);
                    case 6 -> Fuzz.nasty(random);
                    case 7 -> "{\"reason\":\"" + "r".repeat(16 * 1024 + random.nextInt(100_000)) + "\"}";
                    case 8 -> "null";
                    default -> "[" + pick(VALID_BODIES, random) + "]";
                };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String percentEncodeOneLetter(String path, Random random) {
        int at = random.nextInt(path.length());
        char c = path.charAt(at);
        return Character.isLetter(c)
                ? path.substring(0, at) + "%" + Integer.toHexString(c) + path.substring(at + 1)
                : path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The first value {@code firstWeight} times as likely as each other one. */
    private static <T> T weighted(T[] values, Random random, int firstWeight) {
        int n = random.nextInt(values.length - 1 + firstWeight);
        return n < firstWeight ? values[0] : values[n - firstWeight + 1];
    }

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
