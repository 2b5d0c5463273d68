/**
 * The dashboard's read model: the answers of the {@code GET /api/*} endpoints, built from the state
 * store. Money and quantities become exact decimal strings here; nothing in this package writes.
 */
package io.cointrader.web.view;
