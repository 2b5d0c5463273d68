package io.cointrader.llm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A model client that answers from a script and records what it was asked. */
final class ScriptedLlmClient implements LlmClient {

    private final Deque<Supplier<LlmReply>> script = new ArrayDeque<>();
    private final List<LlmRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedLlmClient reply(String text) {
        return reply(new LlmReply(text, false, 100, 50, "req-1"));
    }

    ScriptedLlmClient reply(LlmReply reply) {
        script.add(() -> reply);
        return this;
    }

    ScriptedLlmClient fail(LlmException failure) {
        script.add(() -> {
            throw failure;
        });
        return this;
    }

    @Override
    public synchronized LlmReply complete(LlmRequest request) {
        requests.add(request);
        if (script.isEmpty()) {
            throw new AssertionError("the client was called more often than scripted");
        }
        return script.poll().get();
    }

    @Override
    public String describe() {
        return "scripted test-model";
    }

    List<LlmRequest> requests() {
        return List.copyOf(requests);
    }
}
