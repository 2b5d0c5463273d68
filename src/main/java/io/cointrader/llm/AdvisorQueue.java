package io.cointrader.llm;

/**
 * Takes the trading loop's questions for an advisor and returns at once; the answers go wherever the
 * queue was told to deliver them. {@link BackgroundAdvisor} asks on a thread of its own; a test that
 * must see every answer may ask on the caller's thread.
 */
public interface AdvisorQueue extends AutoCloseable {

    /** Hands over a question; never waits for the advisor. */
    void ask(Advisor.Question question);

    /** Stops asking without waiting for a call in flight; questions not yet asked are dropped. */
    @Override
    void close();
}
