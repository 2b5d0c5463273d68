package io.cointrader.state;

import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The storage conventions in one place: times as INTEGER epoch milliseconds (they sort; ISO strings
 * with varying precision do not), money as TEXT from {@link BigDecimal#toPlainString()} (exact, with
 * its scale; a REAL would round), symbols as {@code BASE/QUOTE}, enums by name, days as {@code
 * yyyy-MM-dd}. Sub-millisecond parts of an {@link Instant} are not stored.
 */
final class Columns {

    private Columns() {}

    /** Binds {@code values} to the parameters 1, 2, 3, … in order, following the conventions. */
    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bindOne(statement, i + 1, values[i]);
        }
    }

    static BigDecimal money(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    static Symbol symbol(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Symbol.parse(text);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Enum.valueOf(type, text);
    }

    private static void bindOne(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof BigDecimal money) {
            statement.setString(index, money.toPlainString());
        } else if (value instanceof Instant time) {
            statement.setLong(index, time.toEpochMilli());
        } else if (value instanceof Boolean flag) {
            statement.setInt(index, flag ? 1 : 0);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof String || value instanceof Symbol || value instanceof LocalDate) {
            statement.setString(index, value.toString());
        } else {
            throw new IllegalArgumentException(
                    "no column convention for " + value.getClass().getSimpleName());
        }
    }
}
