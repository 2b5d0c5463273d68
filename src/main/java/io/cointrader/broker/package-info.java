/**
 * The broker port ({@link io.cointrader.broker.Broker}) and the paper broker. Only the execution
 * engine calls a broker.
 */
package io.cointrader.broker;
