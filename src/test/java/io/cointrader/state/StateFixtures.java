package io.cointrader.state;

import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.sqlite.SQLiteConfig;

/** Domain values and raw SQLite access for the state tests. Times are whole milliseconds. */
final class StateFixtures {

    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    static final Symbol BTC = Symbol.parse("BTC/KRW");

    private StateFixtures() {}

    static OrderIntent intent(String intentId, Instant createdAt) {
        return new OrderIntent(
                intentId,
                "conservative",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                new BigDecimal("95000000"),
                new BigDecimal("0.00012300"),
                "ema cross",
                createdAt,
                false);
    }

    static IntentRecord record(String intentId, Instant createdAt) {
        return new IntentRecord(intent(intentId, createdAt), "coid-" + intentId, IntentState.SUBMITTING, createdAt);
    }

    static Order order(String clientOrderId, String intentId, OrderStatus status, Instant createdAt) {
        return new Order(
                clientOrderId,
                "uuid-" + clientOrderId,
                intentId,
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                new BigDecimal("95000000"),
                new BigDecimal("0.00012300"),
                BigDecimal.ZERO,
                status,
                null,
                createdAt,
                createdAt);
    }

    static Fill fill(String fillId, String clientOrderId, Instant time) {
        return new Fill(
                fillId,
                clientOrderId,
                BTC,
                Side.BUY,
                new BigDecimal("95000000.0"),
                new BigDecimal("0.00006150"),
                new BigDecimal("2.921250"),
                "KRW",
                time);
    }

    /** A plain JDBC connection to the file, as another program would open it (with a busy timeout). */
    static Connection rawConnection(Path dbFile) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        return config.createConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
