package app.nianbao;

import java.util.Arrays;

/** Damage done to a real report's bytes, as a fuzzer does it: flip, delete, duplicate or cut off. */
public final class Mutations {

    private Mutations() {
    }

    /** {@code kind} 0 flips the byte at {@code position} to {@code value}, 1 deletes, 2 duplicates {@code length} bytes, 3 cuts off there. */
    public static byte[] apply(byte[] bytes, int kind, int position, int length, byte value) {
        if (bytes.length == 0) {
            return bytes;
        }
        int at = Math.floorMod(position, bytes.length);
        int len = Math.min(length, bytes.length - at);
        return switch (kind) {
            case 0 -> {
                byte[] copy = bytes.clone();
                copy[at] = value;
                yield copy;
            }
            case 1 -> {
                byte[] copy = new byte[bytes.length - len];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(bytes, at + len, copy, at, bytes.length - at - len);
                yield copy;
            }
            case 2 -> {
                byte[] copy = new byte[bytes.length + len];
                System.arraycopy(bytes, 0, copy, 0, at + len);
                System.arraycopy(bytes, at, copy, at + len, bytes.length - at);
                yield copy;
            }
            default -> Arrays.copyOf(bytes, at);
        };
    }
}
