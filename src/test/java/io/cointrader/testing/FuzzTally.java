package io.cointrader.testing;

/**
 * Counts the inputs a fuzz property checked, for the summary a long run prints: a line with the
 * number of inputs, then {@code N passed, N failed}.
 */
public final class FuzzTally {

    /** One input's check. */
    public interface Check {
        void run() throws Exception;
    }

    private int passed;
    private int failed;

    /** Runs {@code check}, counting it as passed or failed; a failure travels on. */
    public void counted(Check check) throws Exception {
        try {
            check.run();
            passed++;
        } catch (Exception | AssertionError e) {
            failed++;
            throw e;
        }
    }

    /** Prints the summary under {@code name}; nothing when no input was checked. */
    public void print(String name) {
        if (passed + failed == 0) {
            return;
        }
        System.out.printf("%s: %d inputs%n%d passed, %d failed%n", name, passed + failed, passed, failed);
    }
}
