/**
 * The advisor port and its language-model implementation: OpenAI and Anthropic API-key clients, the
 * retry policy, the daily budget, the pauses after repeated failures, the prompt, the strict advice
 * parser, and the background thread that asks so that the trading loop never waits. Advice is logged
 * as a decision event and never reaches the order path: nothing in strategy, risk, execution or broker
 * imports this package.
 */
package io.cointrader.llm;
