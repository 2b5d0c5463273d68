package io.cointrader.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Named pass/fail checks with a short reason, printed as a table and counted for the last line. */
final class SoakChecks {

    private record Result(String name, boolean passed, String detail) {}

    private final List<Result> results = new ArrayList<>();

    void check(String name, boolean passed, String detail) {
        results.add(new Result(name, passed, detail));
    }

    int passed() {
        return (int) results.stream().filter(Result::passed).count();
    }

    int failed() {
        return results.size() - passed();
    }

    List<String> failures() {
        return results.stream()
                .filter(r -> !r.passed())
                .map(r -> r.name() + ": " + r.detail())
                .toList();
    }

    void print(PrintStream out) {
        for (Result r : results) {
            out.printf("  [%s] %s: %s%n", r.passed() ? "PASS" : "FAIL", r.name(), r.detail());
        }
        out.println(passed() + " passed, " + failed() + " failed");
    }
}
