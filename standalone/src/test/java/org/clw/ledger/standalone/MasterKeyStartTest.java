package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Outside the development mode the system starts only with a master key that is not in its data directory (issue 15,
 * finding 7): otherwise a local process that reads the data directory would read every participant key.
 */
class MasterKeyStartTest {


    @Test
    void outside_the_development_mode_a_start_without_a_master_key_is_refused(@TempDir Path dataDir) {
        assertThatThrownBy(() -> start(dataDir)).hasStackTraceContaining("No master key");
    }

    @Test
    void a_master_key_file_inside_the_data_directory_is_refused(@TempDir Path dataDir) throws IOException {
        Path keyFile = Files.writeString(Files.createDirectories(dataDir).resolve("master.key"),
                Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> start(dataDir, "--clw.privacy.master-key-file=" + keyFile))
                .hasStackTraceContaining("inside the data directory");
    }

    /** A start outside the development mode, with a user of its own, so that only the master key is missing. */
    private static void start(Path dataDir, String... more) {
        String[] arguments = Stream.concat(Stream.of("--server.port=0", "--clw.data-dir=" + dataDir,
                "--clw.mongo.embedded=memory", "--clw.security.users[0].username=ops",
                "--clw.security.users[0].role=ADMIN",
                "--clw.security.users[0].password-hash=" + new BCryptPasswordEncoder(4).encode("a passphrase of ours")),
                Stream.of(more)).toArray(String[]::new);
        new SpringApplicationBuilder(StandaloneApplication.class).run(arguments).close();
    }
}
