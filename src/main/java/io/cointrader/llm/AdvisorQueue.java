package io.cointrader.llm;

/**
 * Takes the trading loop's questions for an advisor and returns at once; the answers go wherever the
 * queue was told to deliver them. {@link BackgroundAdvisor} asks on a thread of its own; a test that
 * must see every answer may ask on the caller's thread.
 */
public interface AdvisorQueue extends AutoCloseable {

    /** Hands over a question; never waits for the advisor. */
    void ask(Advisor.Question question);

    /**
     * Waits until every question handed over has been asked and answered, or {@code max} has passed: the
     * end of a run that was not told to stop lets the last questions be answered. Never needed for
     * correctness: advice never changes an order.
     */
    default void drain(java.time.Duration max) {}

    /** Stops asking without waiting for a call in flight; questions not yet asked are dropped. */
    @Override
    void close();
}
