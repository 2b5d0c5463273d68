package io.cointrader.web;

import io.javalin.http.Context;

/**
 * Who may use the dashboard: the session cookie, the login with the master code and its lock-out,
 * the CSRF token, and the host and origin checks. The server calls {@link #before} ahead of every
 * handler and serves the three session endpoints through it.
 */
public interface AccessGuard {

    /** True when a master code is configured and requests need a logged-in session. */
    boolean authRequired();

    /**
     * Refuses the request by throwing {@link WebError} (or, for a page that needs a login, redirects to
     * {@code /login} and skips the rest), else returns and lets the handler run.
     */
    void before(Context ctx);

    /** {@code GET /api/session}. */
    void session(Context ctx);

    /** {@code POST /api/login}. */
    void login(Context ctx);

    /** {@code POST /api/logout}. */
    void logout(Context ctx);

    /** Who sent the request, for the audit trail: {@code local} without a master code, else a session tag. */
    String who(Context ctx);
}
