package app.nianbao.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A folder and its files made unwritable for a while, as a disk remounted read-only: by
 * {@code chattr +i}, which binds root too (CI runs as root), or by taking the write permission
 * where the tests run as an ordinary user.
 */
public final class ReadOnlyFolder implements AutoCloseable {

    private final List<Path> locked;
    private final boolean immutable;

    private ReadOnlyFolder(List<Path> locked, boolean immutable) {
        this.locked = locked;
        this.immutable = immutable;
    }

    public static Path create() {
        try {
            return Files.createTempDirectory("nianbao-read-only");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReadOnlyFolder of(Path folder) throws IOException, InterruptedException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(paths::add);
        }
        paths.add(folder);
        boolean immutable = run("chattr", "+i", paths);
        if (!immutable) {
            for (Path p : paths) {
                p.toFile().setWritable(false, false);
            }
        }
        ReadOnlyFolder readOnly = new ReadOnlyFolder(paths, immutable);
        Path probe = folder.resolve("probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            readOnly.close();
            Assumptions.abort("this machine cannot make a folder read-only (neither chattr +i nor chmod binds this user)");
        } catch (IOException expected) {
            // the folder is read-only as wanted
        }
        return readOnly;
    }

    private static boolean run(String command, String flag, List<Path> paths) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command, flag));
        paths.forEach(p -> args.add(p.toString()));
        try {
            return new ProcessBuilder(args).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException missing) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (immutable) {
                run("chattr", "-i", locked);
            } else {
                locked.forEach(p -> p.toFile().setWritable(true, false));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
