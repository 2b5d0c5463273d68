package io.cointrader.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code trader web} process over a copy of a database filled by a real paper run, and an HTTP
 * client that keeps the session cookie and the CSRF token, as the page does.
 */
final class DashboardProcess implements AutoCloseable {

    /** The replay window of the paper run that fills the database; the rest is left for the page. */
    static final String FILLED_UNTIL = "2025-11-20T00:00:00Z";

    private static final Pattern URL = Pattern.compile("coin-trader dashboard: (http://\\S+/)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path filledDb;

    final Path dir;
    final String baseUrl;
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String cookie;
    private String csrf;

    private DashboardProcess(Path dir, Process process, String baseUrl) {
        this.dir = dir;
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Runs {@code trader run --exchange replay} once per JVM; later callers copy its database. */
    static synchronized Path filledDatabase() throws IOException, InterruptedException {
        if (filledDb == null) {
            Path dir = Files.createTempDirectory("dashboard-fill");
            TraderProcess.Result run = new TraderProcess(dir)
                    .run(Map.of("REPLAY_TO", FILLED_UNTIL), "run", "--exchange", "replay", "--db", "data/filled.db");
            if (run.exitCode() != 0) {
                throw new IllegalStateException("the paper run failed: " + run.err());
            }
            filledDb = dir.resolve("data/filled.db");
        }
        return filledDb;
    }

    /** Starts {@code trader web --exchange replay --port 0} in {@code dir} over a copy of the filled database. */
    static DashboardProcess start(Path dir, Map<String, String> env, String... extraArgs)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(filledDatabase(), dir.resolve("data/coin_trader.db"), StandardCopyOption.REPLACE_EXISTING);
        List<String> args = new ArrayList<>(List.of("--exchange", "replay"));
        args.addAll(List.of(extraArgs));
        return over(dir, env, args.toArray(String[]::new));
    }

    /** Starts {@code trader web --port 0} with {@code args} in {@code dir}, over the database that is there. */
    static DashboardProcess over(Path dir, Map<String, String> env, String... extraArgs)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("web", "--port", "0"));
        args.addAll(List.of(extraArgs));
        Process process = new TraderProcess(dir)
                .builder(args, env)
                .redirectErrorStream(true)
                .start();
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            seen.add(line);
            Matcher m = URL.matcher(line);
            if (m.find()) {
                DashboardProcess dashboard = new DashboardProcess(dir, process, m.group(1));
                dashboard.output.addAll(seen);
                dashboard.drain(reader);
                return dashboard;
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("trader web did not start: " + String.join("\n", seen));
    }

    private void drain(BufferedReader reader) {
        Thread t = new Thread(
                () -> {
                    try {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            synchronized (output) {
                                output.add(line);
                            }
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "dashboard-output");
        t.setDaemon(true);
        t.start();
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Opens a session like the page: GET /api/session, keeping the cookie and the CSRF token. */
    JsonNode openSession() throws IOException, InterruptedException {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/session")).GET());
        response.headers().firstValue("set-cookie").ifPresent(this::keepCookie);
        JsonNode body = JSON.readTree(response.body());
        csrf = body.path("csrf_token").asText();
        return body;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A POST as the page sends it: JSON body, the session cookie and the CSRF token. */
    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf == null ? "" : csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A raw request: only the headers given (no CSRF token unless given). */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("set-cookie").forEach(this::keepCookie);
        return response;
    }

    void useCsrf(String token) {
        csrf = token;
    }

    URI uri(String path) {
        return URI.create(baseUrl + path.substring(1));
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    private void keepCookie(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        if (pair.startsWith("ct_session=")) {
            cookie = pair.equals("ct_session=") ? null : pair;
        }
    }

    /** Stops the server as Ctrl+C would; returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("trader web did not stop within 60 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
