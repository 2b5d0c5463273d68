package io.cointrader.state;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreContractTest extends StateStoreContract {

    @TempDir
    Path dir;

    @Override
    protected StateStore newStore() {
        return SqliteStateStore.open(dir.resolve("state.db"));
    }
}
