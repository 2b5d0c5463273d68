/**
 * The advisor port. Advice is logged as a decision event and never reaches the order path: nothing
 * in strategy, risk, execution or broker imports this package.
 */
package io.cointrader.llm;
