package org.clw.ledger.command.registry;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server on a free loopback port, from Debian's binaries ({@code apt-get install postgresql},
 * which {@code .ci/run} does): initdb into a temporary directory, pg_ctl start, and on close stop and delete. Run as
 * the {@code postgres} user when the tests run as root, which PostgreSQL refuses to be. Without the binaries the
 * tests that need it are skipped, except under {@code CI=true}, where that is a failure.
 */
final class LocalPostgres implements AutoCloseable {

    private static final Path INSTALLED = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgres;

    private LocalPostgres(Path bin, Path directory, int port, boolean asPostgres) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /**
     * Starts one with these server settings ({@code name=value}), or skips the calling test without PostgreSQL.
     * The server's own defaults matter to some tests (a default the registry must override on its connections).
     */
    static LocalPostgres start(String... settings) {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String missing = "No PostgreSQL server binaries under " + INSTALLED
                    + "/*/bin: install Debian's postgresql package (apt-get install postgresql; .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        boolean asPostgres = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("clw-postgres");
            if (asPostgres) {
                UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(directory, postgres);
            }
            LocalPostgres server = new LocalPostgres(bin.get(), directory, freePort(), asPostgres);
            server.run("initdb", "-D", server.data(), "-U", "clw", "-A", "trust", "-E", "UTF8", "--no-sync");
            StringBuilder options = new StringBuilder("-p " + server.port
                    + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off");
            for (String setting : settings) {
                options.append(" -c ").append(setting);
            }
            server.run("pg_ctl", "start", "-w", "-D", server.data(), "-l", directory.resolve("log").toString(),
                    "-o", options.toString());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database of the server's, reachable as the superuser {@code clw} without a password. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException {
        try {
            run("pg_ctl", "stop", "-m", "immediate", "-D", data());
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void run(String program, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("clw-postgres", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(program + " failed: " + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(program + " interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The newest installed version's. */
    private static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLED)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLED)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
