package io.cointrader.llm.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.config.LlmSettings;
import io.cointrader.core.Secret;
import io.cointrader.llm.LlmClient;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import io.cointrader.llm.LlmReply;
import io.cointrader.llm.LlmRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Codex backend of a ChatGPT plan ({@code POST {base}/responses}, always streamed). The request
 * carries no output cap or temperature: the backend rejects both, so {@link
 * LlmRequest#maxOutputTokens()} is not sent. A 401 gets one token refresh and one retry.
 */
public final class CodexClient implements LlmClient {

    /** The advisor's stream may sit idle at most this long, far below Codex's own 300 s. */
    public static final Duration MAX_IDLE = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI responsesUri;
    private final String model;
    private final OAuthSession session;
    private final StreamDeadline deadline;
    private final Duration timeout;
    private final String sessionId = UUID.randomUUID().toString();

    /**
     * @param timeout the whole call, headers and stream
     * @param idleTimeout the longest gap between two lines of the stream
     */
    public CodexClient(
            HttpClient http, URI baseUrl, String model, OAuthSession session, Duration timeout, Duration idleTimeout) {
        this.http = http;
        this.responsesUri = URI.create(AuthorizeUrl.endpoint(baseUrl, "/responses"));
        this.model = model;
        this.session = session;
        this.timeout = timeout;
        this.deadline = new StreamDeadline(timeout, idleTimeout);
    }

    /**
     * From the settings: the model checked against the allow-list ({@link ModelNames}, which throws
     * IllegalArgumentException for an unknown name), the call timeout, an idle limit of at most {@link
     * #MAX_IDLE}.
     */
    public static CodexClient fromSettings(LlmSettings settings, OAuthSession session) {
        String model = ModelNames.fromSettings(settings).normalise(settings.oauthModel());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Duration idle = settings.timeout().compareTo(MAX_IDLE) < 0 ? settings.timeout() : MAX_IDLE;
        return new CodexClient(http, settings.codexBaseUrl(), model, session, settings.timeout(), idle);
    }

    @Override
    public LlmReply complete(LlmRequest request) {
        String body = body(request);
        Secret token = session.accessToken();
        HttpResponse<InputStream> response = send(token, body);
        if (response.statusCode() == 401) {
            discard(response);
            token = session.refreshAfterUnauthorized(token);
            response = send(token, body);
            if (response.statusCode() == 401) {
                discard(response);
                throw new LlmException(
                        Kind.AUTH, "the Codex backend refused a freshly refreshed login (HTTP 401); log in again");
            }
        }
        if (response.statusCode() / 100 != 2) {
            throw CodexHttpErrors.of(response.statusCode(), errorBody(response), response.headers(), session.secrets());
        }
        String requestId = response.headers().firstValue("x-request-id").orElse(null);
        CodexStream stream = new CodexStream(session.secrets());
        InputStream in = response.body();
        return deadline.read(in, counted -> stream.read(new SseReader(counted), requestId));
    }

    @Override
    public String describe() {
        return "codex " + model;
    }

    private HttpResponse<InputStream> send(Secret token, String body) {
        HttpRequest request = HttpRequest.newBuilder(responsesUri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token.reveal())
                .header("chatgpt-account-id", session.accountId())
                .header("originator", AuthorizeUrl.ORIGINATOR)
                .header("OpenAI-Beta", "responses=experimental")
                .header("session_id", sessionId)
                .header("accept", "text/event-stream")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new LlmException(
                    Kind.TIMEOUT, "the Codex backend did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw LlmException.transport("the Codex backend", responsesUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(Kind.TIMEOUT, "interrupted while calling the Codex backend");
        }
    }

    private String body(LlmRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        root.put("instructions", request.system());
        ObjectNode message = root.putArray("input").addObject();
        message.put("type", "message").put("role", "user");
        message.putArray("content").addObject().put("type", "input_text").put("text", request.user());
        root.put("store", false);
        root.put("stream", true);
        root.putArray("tools");
        root.put("tool_choice", "auto");
        root.put("parallel_tool_calls", false);
        root.putObject("reasoning").put("effort", "low").put("summary", "auto");
        root.putObject("text").put("verbosity", "low");
        root.put("prompt_cache_key", sessionId);
        return root.toString();
    }

    private static String errorBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(64 * 1024);
        } catch (IOException e) {
            // Only draining so the connection can be reused.
        }
    }
}
