-- Initial schema of the coin-trader state store.
-- Conventions: times are INTEGER epoch milliseconds (UTC); money and quantities are TEXT holding
-- BigDecimal.toPlainString() (exact, never REAL); symbols are TEXT 'BASE/QUOTE'; enums by name.
-- STRICT tables refuse a value of the wrong storage class, so money can never slip in as REAL.

-- Append-only audit trail: the triggers below refuse UPDATE and DELETE.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    type         TEXT    NOT NULL,
    payload_json TEXT    NOT NULL,
    time_ms      INTEGER NOT NULL
) STRICT;
CREATE INDEX idx_events_time ON events (time_ms);
CREATE INDEX idx_events_type_time ON events (type, time_ms);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events is append-only');
END;

CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events is append-only');
END;

-- Written ahead of every broker call (exactly-once placement across crashes).
CREATE TABLE order_intents (
    intent_id       TEXT    NOT NULL PRIMARY KEY,
    client_order_id TEXT    NOT NULL UNIQUE,
    strategy        TEXT    NOT NULL,
    symbol          TEXT    NOT NULL,
    side            TEXT    NOT NULL,
    order_type      TEXT    NOT NULL,
    price           TEXT,
    quantity        TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    emergency       INTEGER NOT NULL CHECK (emergency IN (0, 1)),
    state           TEXT    NOT NULL,
    created_at_ms   INTEGER NOT NULL,
    updated_at_ms   INTEGER NOT NULL
) STRICT;
CREATE INDEX idx_order_intents_created ON order_intents (created_at_ms);
CREATE INDEX idx_order_intents_state ON order_intents (state);

-- No foreign key to order_intents: an order the exchange reports must always be recordable.
CREATE TABLE orders (
    client_order_id   TEXT    NOT NULL PRIMARY KEY,
    exchange_order_id TEXT,
    intent_id         TEXT    NOT NULL,
    symbol            TEXT    NOT NULL,
    side              TEXT    NOT NULL,
    order_type        TEXT    NOT NULL,
    price             TEXT,
    quantity          TEXT    NOT NULL,
    filled_quantity   TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    status_reason     TEXT,
    created_at_ms     INTEGER NOT NULL,
    updated_at_ms     INTEGER NOT NULL
) STRICT;
CREATE INDEX idx_orders_status ON orders (status);
CREATE INDEX idx_orders_created ON orders (created_at_ms);
CREATE INDEX idx_orders_intent ON orders (intent_id);
CREATE INDEX idx_orders_exchange_id ON orders (exchange_order_id);

CREATE TABLE fills (
    fill_id         TEXT    NOT NULL PRIMARY KEY,
    client_order_id TEXT    NOT NULL REFERENCES orders (client_order_id),
    symbol          TEXT    NOT NULL,
    side            TEXT    NOT NULL,
    price           TEXT    NOT NULL,
    quantity        TEXT    NOT NULL,
    fee             TEXT    NOT NULL,
    fee_currency    TEXT    NOT NULL,
    time_ms         INTEGER NOT NULL
) STRICT;
CREATE INDEX idx_fills_time ON fills (time_ms);
CREATE INDEX idx_fills_order ON fills (client_order_id);

CREATE TABLE positions_snapshot (
    id            INTEGER PRIMARY KEY,
    time_ms       INTEGER NOT NULL,
    symbol        TEXT    NOT NULL,
    quantity      TEXT    NOT NULL,
    average_price TEXT    NOT NULL
) STRICT;
CREATE INDEX idx_positions_snapshot_time ON positions_snapshot (time_ms);

CREATE TABLE balances_snapshot (
    id       INTEGER PRIMARY KEY,
    time_ms  INTEGER NOT NULL,
    currency TEXT    NOT NULL,
    free     TEXT    NOT NULL,
    locked   TEXT    NOT NULL
) STRICT;
CREATE INDEX idx_balances_snapshot_time ON balances_snapshot (time_ms);

-- kind = 'risk' rows are risk verdicts (intent_id, side, check_name set); other kinds
-- ('strategy', 'llm_advice', ...) carry their data in details_json.
CREATE TABLE decisions_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms      INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    intent_id    TEXT,
    symbol       TEXT,
    side         TEXT,
    notional     TEXT,
    decision     TEXT    NOT NULL,
    check_name   TEXT,
    reason       TEXT,
    details_json TEXT
) STRICT;
CREATE INDEX idx_decisions_log_kind_time ON decisions_log (kind, time_ms);
CREATE INDEX idx_decisions_log_time ON decisions_log (time_ms);

CREATE TABLE safety_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms      INTEGER NOT NULL,
    type         TEXT    NOT NULL,
    severity     TEXT    NOT NULL,
    symbol       TEXT,
    message      TEXT    NOT NULL,
    details_json TEXT    NOT NULL
) STRICT;
CREATE INDEX idx_safety_events_time ON safety_events (time_ms);

-- Equity at 00:00 UTC of each trading day, so that today's PnL survives a restart.
CREATE TABLE day_start_equity (
    day            TEXT    NOT NULL PRIMARY KEY,
    equity         TEXT    NOT NULL,
    recorded_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE meta (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
