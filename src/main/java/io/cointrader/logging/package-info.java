/**
 * Structured JSON-lines logs and redaction. {@link io.cointrader.logging.LogSetup} configures
 * Logback at start-up (one rotated {@code .jsonl} file per event kind plus {@code general.jsonl}
 * and a WARN+ line on stderr); {@link io.cointrader.logging.EventLog} writes events with fields;
 * {@link io.cointrader.logging.Redactor} masks secrets in every string that reaches any output.
 */
package io.cointrader.logging;
