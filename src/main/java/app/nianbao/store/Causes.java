package app.nianbao.store;

import java.util.stream.Stream;

/** An exception and what caused it, down to the store's own words, which are usually the last cause. */
public final class Causes {

    private Causes() {
    }

    /** The exception, its cause, that one's cause and so on; a cause that is itself ends the chain. */
    public static Stream<Throwable> of(Throwable e) {
        return Stream.iterate(e, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The message of the deepest cause ("null" if it has none). */
    public static String rootMessage(Throwable e) {
        return String.valueOf(of(e).reduce((first, second) -> second).map(Throwable::getMessage).orElse(null));
    }
}
