package app.nianbao.cli;

import java.nio.file.Path;

import app.nianbao.store.Store;

/** A second process that holds a store open, as a running server does. */
public final class HoldStore {

    private HoldStore() {
    }

    public static void main(String[] args) throws Exception {
        try (Store store = Store.open(Path.of(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
