package io.cointrader.state;

class MemoryStateStoreContractTest extends StateStoreContract {

    @Override
    protected StateStore newStore() {
        return new MemoryStateStore();
    }
}
