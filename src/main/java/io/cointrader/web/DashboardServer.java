package io.cointrader.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.web.view.DashboardViews;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server: the JSON API of {@code docs/dashboard-api.md}, the two pages and their
 * assets, the uPlot webjar. Every request passes the {@link AccessGuard} first; every answer carries
 * the security headers; every error is JSON.
 */
public final class DashboardServer implements AutoCloseable {

    /** Request bodies larger than this are refused with {@code 413}. */
    public static final long MAX_REQUEST_BYTES = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final String ASSETS = PageRoutes.FOLDER + "/assets";

    private final Javalin app;
    private final String host;

    private DashboardServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Binds the server and starts serving.
     *
     * @throws io.javalin.util.JavalinBindException when the address cannot be bound
     */
    public static DashboardServer start(DashboardSetup setup) {
        Objects.requireNonNull(setup, "setup");
        Instant startedAt = setup.clock().instant();
        ObjectMapper json = DashboardJson.mapper();
        Javalin app = Javalin.create(config -> configure(config, setup, startedAt, json));
        app.start(setup.host(), setup.port());
        DashboardServer server = new DashboardServer(app, setup.host());
        LOG.info("dashboard listening on {}", server.url());
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The root URL, e.g. {@code http://127.0.0.1:8000/}. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void configure(JavalinConfig config, DashboardSetup setup, Instant startedAt, ObjectMapper json) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        config.http.prefer405over404 = true;
        config.jsonMapper(new JavalinJackson(json, false));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.jetty.addConnector((server, http) -> connector(server, http, setup));
        config.router.javaLangErrorHandler(ErrorAnswers::answerError);
        staticFiles(config);

        AccessGuard guard = setup.guard();
        config.routes.before(ResponseHeaders::apply);
        config.routes.before(guard::before);
        ErrorAnswers.register(config.routes);
        config.routes.get("/api/session", guard::session);
        config.routes.post("/api/login", guard::login);
        config.routes.post("/api/logout", guard::logout);
        PageRoutes.register(config.routes);
        StatusViews status = new StatusViews(setup, startedAt);
        DashboardViews views =
                DashboardViews.over(setup.store(), StatusViews.quoteCurrency(setup.settings()), setup.dustBelow());
        new ApiRoutes(status, views, setup.settings(), setup.store()).register(config.routes);
        ControlAudit audit = new ControlAudit(setup.store(), guard, setup.clock());
        new ControlRoutes(
                        setup.control(),
                        setup.killSwitch(),
                        new KillSwitchEvents(setup.safety(), setup.clock()),
                        guard,
                        new RequestBodies(json),
                        audit)
                .register(config.routes);
    }

    /**
     * The one connector, on buffers that are never shared between connections. Jetty 12.1 (checked
     * up to 12.1.14) can write into a request buffer that it already gave back to its pool when it
     * refuses a malformed request (400, 414, 431) while the client is still sending: an answer to
     * another client then began with the tail of that request, its cookies included. With fresh
     * buffers such a late write lands in a buffer nobody else holds; the dashboard's few requests
     * make the allocations cost nothing that matters.
     */
    private static ServerConnector connector(Server server, HttpConfiguration http, DashboardSetup setup) {
        ServerConnector connector = new ServerConnector(
                server, null, null, new ByteBufferPool.NonPooling(), -1, -1, new HttpConnectionFactory(http));
        connector.setHost(setup.host());
        connector.setPort(setup.port());
        return connector;
    }

    /** The buffers of the connector, for checking that none is handed out twice. */
    ByteBufferPool connectorBuffers() {
        return app.jettyServer().server().getConnectors()[0].getByteBufferPool();
    }

    private static void staticFiles(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        // the folder is absent from a build without the page; Javalin refuses a missing folder
        if (DashboardServer.class.getClassLoader().getResource(ASSETS) != null) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/" + ASSETS;
                files.location = Location.CLASSPATH;
            });
        }
    }
}
