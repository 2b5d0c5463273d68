/**
 * The advisor port and its language-model implementation: OpenAI and Anthropic API-key clients, the
 * retry policy, the daily budget, the prompt and the strict advice parser. Advice is logged as a
 * decision event and never reaches the order path: nothing in strategy, risk, execution or broker
 * imports this package.
 */
package io.cointrader.llm;
