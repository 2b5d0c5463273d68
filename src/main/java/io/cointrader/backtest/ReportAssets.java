package io.cointrader.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The scripts and styles the report inlines, read from the class path: uPlot from its WebJar and
 * the report's own script and style next to this class. The report must open without a network, so
 * nothing is linked.
 */
record ReportAssets(String uplotJs, String uplotCss, String reportJs, String reportCss) {

    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    static ReportAssets load() {
        String dist = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        return new ReportAssets(
                script(read(dist + "uPlot.iife.min.js")),
                style(read(dist + "uPlot.min.css")),
                script(read("report.js")),
                style(read("report.css")));
    }

    private static String uplotVersion() {
        try (InputStream in = open(UPLOT_POM)) {
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_POM, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ReportAssets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        return in;
    }

    /** A script that can be inlined: one containing an end tag would end its element early. */
    private static String script(String text) {
        if (text.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("a script to inline contains </script");
        }
        return text;
    }

    private static String style(String text) {
        if (text.toLowerCase(Locale.ROOT).contains("</style")) {
            throw new IllegalStateException("a style sheet to inline contains </style");
        }
        return text;
    }
}
