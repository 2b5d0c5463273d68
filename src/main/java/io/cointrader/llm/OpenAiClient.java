package io.cointrader.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenAI Chat Completions with an API key: {@code POST {base}/chat/completions}, JSON mode, output
 * capped by {@code max_completion_tokens} (reasoning models refuse {@code max_tokens}) and no
 * temperature (some models accept only the default). One HTTP call per completion, except when the
 * model refuses JSON mode or the {@code system} role: then the request is re-sent once without JSON
 * mode, or with the {@code developer} role, and the client keeps that choice.
 */
public final class OpenAiClient implements LlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiClient.class);
    private static final int MAX_ADAPTATIONS = 2;

    private final ProviderHttp http;
    private final URI endpoint;
    private final String model;
    private final Clock clock;
    private volatile boolean jsonMode = true;
    private volatile boolean developerRole;

    /**
     * @param baseUrl e.g. {@code https://api.openai.com/v1}
     * @param timeout bound on each HTTP exchange
     * @param clock reads HTTP-date {@code retry-after} values
     */
    public OpenAiClient(HttpClient http, URI baseUrl, Secret apiKey, String model, Duration timeout, Clock clock) {
        this.http = new ProviderHttp("openai", http, apiKey, timeout);
        this.endpoint = ProviderHttp.endpoint(baseUrl, "chat/completions");
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LlmReply complete(LlmRequest request) {
        for (int adaptations = 0; ; adaptations++) {
            HttpResponse<String> response = http.post(
                    HttpRequest.newBuilder(endpoint)
                            .header("Authorization", "Bearer " + http.key().reveal()),
                    body(request));
            String requestId = response.headers().firstValue("x-request-id").orElse(null);
            if (response.statusCode() / 100 == 2) {
                return reply(response.body(), requestId);
            }
            ErrorBody error = ErrorBody.parse(response.body());
            if (response.statusCode() != 400 || adaptations >= MAX_ADAPTATIONS || !adaptTo(error)) {
                throw failure(response, error, requestId);
            }
        }
    }

    @Override
    public String describe() {
        return "openai " + model;
    }

    private ObjectNode body(LlmRequest request) {
        ObjectNode body = ProviderHttp.JSON.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", developerRole ? "developer" : "system").put("content", request.system());
        messages.addObject().put("role", "user").put("content", request.user());
        if (jsonMode) {
            body.putObject("response_format").put("type", "json_object");
        }
        body.put("max_completion_tokens", request.maxOutputTokens());
        return body;
    }

    /** Whether a 400 names a request feature this model lacks that we can do without. */
    private boolean adaptTo(ErrorBody error) {
        if (jsonMode && error.param().equals("response_format")) {
            jsonMode = false;
            LOG.info("{} does not take JSON mode; asking without it", describe());
            return true;
        }
        if (!developerRole
                && error.param().startsWith("messages")
                && error.message().contains("system")) {
            developerRole = true;
            LOG.info("{} does not take the system role; using the developer role", describe());
            return true;
        }
        return false;
    }

    private LlmReply reply(String body, String requestId) {
        JsonNode root = http.readBody(body, requestId);
        JsonNode choice = root.path("choices").path(0);
        if (!choice.isObject()) {
            throw http.malformed("the reply has no choices", requestId);
        }
        JsonNode message = choice.path("message");
        JsonNode content = message.get("content");
        if (content == null || !content.isTextual()) {
            String refusal = message.path("refusal").asText("");
            throw http.malformed(
                    refusal.isEmpty() ? "the reply has no text" : "the model refused: " + refusal, requestId);
        }
        String finish = choice.path("finish_reason").asText("");
        JsonNode usage = root.path("usage");
        long in = Math.max(0, usage.path("prompt_tokens").asLong(0));
        long out = Math.max(0, usage.path("completion_tokens").asLong(0));
        LOG.debug(
                "{} replied: finish {}, {} in / {} out tokens, request id {}", describe(), finish, in, out, requestId);
        return new LlmReply(content.asText(), finish.equals("length"), in, out, requestId);
    }

    private LlmException failure(HttpResponse<String> response, ErrorBody error, String requestId) {
        int status = response.statusCode();
        LlmException.Kind kind;
        boolean hinted = false;
        if (status == 429) {
            kind = error.is("insufficient_quota") ? LlmException.Kind.QUOTA_EXHAUSTED : LlmException.Kind.RATE_LIMITED;
            hinted = kind == LlmException.Kind.RATE_LIMITED;
        } else if (status == 401 || status == 403) {
            kind = LlmException.Kind.AUTH;
        } else if (status == 408) {
            kind = LlmException.Kind.TIMEOUT;
            hinted = true;
        } else if (status >= 500) {
            kind = LlmException.Kind.UNAVAILABLE;
            hinted = true;
        } else {
            kind = LlmException.Kind.BAD_REQUEST;
        }
        Duration retryAfter =
                hinted ? RetryAfter.from(response.headers(), clock).orElse(null) : null;
        String message = http.message("HTTP " + status + " " + error.summary(), requestId);
        return new LlmException(kind, message, retryAfter, null);
    }
}
