-- The newest order of a symbol and side (order timeouts: is the last sell of a symbol one that timed out?).
CREATE INDEX idx_orders_symbol_side_created ON orders (symbol, side, created_at_ms);
