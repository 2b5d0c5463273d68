package io.cointrader.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The two pages, {@code /} and {@code /login}, from the classpath folder {@code web}. */
final class PageRoutes {

    static final String FOLDER = "web";

    private PageRoutes() {}

    static void register(RoutesConfig routes) {
        routes.get("/", ctx -> page(ctx, FOLDER + "/index.html"));
        routes.get("/login", ctx -> page(ctx, FOLDER + "/login.html"));
    }

    private static void page(Context ctx, String resource) {
        byte[] html;
        try (InputStream in = PageRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new WebError(404, "not found");
            }
            html = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the page " + resource, e);
        }
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
