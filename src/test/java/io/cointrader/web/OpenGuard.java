package io.cointrader.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An access guard without a master code: it lets everything through (unless told to refuse) and notes
 * the session calls.
 */
final class OpenGuard implements AccessGuard {

    static final String CSRF_TOKEN = "test-csrf-token";
    static final String WHO = "local";

    final List<String> calls = new CopyOnWriteArrayList<>();
    /** When set, every request is refused with it, as a real guard refuses. */
    volatile WebError refusal;

    @Override
    public boolean authRequired() {
        return false;
    }

    @Override
    public void before(Context ctx) {
        if (refusal != null) {
            throw refusal;
        }
    }

    @Override
    public void session(Context ctx) {
        calls.add("session");
        ctx.json(Map.of("auth_required", false, "authenticated", true, "csrf_token", CSRF_TOKEN));
    }

    @Override
    public void login(Context ctx) {
        calls.add("login");
        ctx.json(Map.of("authenticated", true, "csrf_token", CSRF_TOKEN));
    }

    @Override
    public void logout(Context ctx) {
        calls.add("logout");
        ctx.json(Map.of("authenticated", false));
    }

    @Override
    public String who(Context ctx) {
        return WHO;
    }
}
