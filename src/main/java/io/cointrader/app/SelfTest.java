package io.cointrader.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/** The result table of {@code trader selftest}. */
final class SelfTest {

    /** How one check ended; only FAIL makes the command fail. */
    enum Status {
        PASS,
        WARN,
        FAIL,
        SKIP
    }

    /** One line of the table; {@code hint} (may be empty) says what to do about it. */
    record Check(String name, Status status, String detail, String hint) {
        Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            detail = detail == null ? "" : detail.replace('\n', ' ');
            hint = hint == null ? "" : hint;
        }

        static Check pass(String name, String detail) {
            return new Check(name, Status.PASS, detail, "");
        }

        static Check skip(String name, String detail) {
            return new Check(name, Status.SKIP, detail, "");
        }
    }

    private SelfTest() {}

    static void print(List<Check> checks, PrintWriter out) {
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10) + 2;
        out.println(pad("CHECK", width) + "RESULT  DETAIL");
        for (Check c : checks) {
            out.println(pad(c.name(), width) + pad(c.status().name(), 8) + c.detail());
            if (!c.hint().isEmpty()) {
                out.println(" ".repeat(width + 8) + "-> " + c.hint());
            }
        }
        long failed = checks.stream().filter(c -> c.status() == Status.FAIL).count();
        long warned = checks.stream().filter(c -> c.status() == Status.WARN).count();
        out.println();
        out.println(
                failed == 0
                        ? "selftest passed" + (warned > 0 ? " with " + warned + " warning(s)" : "")
                        : "selftest FAILED: " + failed + " check(s) need attention");
        out.flush();
    }

    static boolean failed(List<Check> checks) {
        return checks.stream().anyMatch(c -> c.status() == Status.FAIL);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
