-- What the dashboard reads besides the journal: linked account snapshots with their equity (for the
-- equity curve and a consistent balances/positions view) and the newest tick of every symbol.

CREATE TABLE account_snapshots (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms INTEGER NOT NULL,
    equity  TEXT    NOT NULL
) STRICT;
CREATE INDEX idx_account_snapshots_time ON account_snapshots (time_ms);

-- Rows written by saveAccountSnapshot carry the snapshot they belong to; older rows have NULL.
ALTER TABLE balances_snapshot ADD COLUMN snapshot_id INTEGER;
ALTER TABLE positions_snapshot ADD COLUMN snapshot_id INTEGER;
CREATE INDEX idx_balances_snapshot_snapshot ON balances_snapshot (snapshot_id);
CREATE INDEX idx_positions_snapshot_snapshot ON positions_snapshot (snapshot_id);

CREATE TABLE last_ticks (
    symbol       TEXT    NOT NULL PRIMARY KEY,
    time_ms      INTEGER NOT NULL,
    wall_time_ms INTEGER NOT NULL,
    action       TEXT    NOT NULL,
    price        TEXT,
    detail       TEXT    NOT NULL
) STRICT;

CREATE INDEX idx_decisions_log_kind_symbol_time ON decisions_log (kind, symbol, time_ms);
