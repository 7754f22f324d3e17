package org.clw.ledger.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path root;

    @Test
    void outside_the_development_mode_a_start_without_a_master_key_is_refused() {
        assertThatThrownBy(() -> new MasterKey(false, "", "", root.resolve("data")))
                .hasMessageContaining("No master key");
    }

    @Test
    void the_development_mode_uses_the_published_development_key() {
        assertThat(new MasterKey(true, "", "", root.resolve("data")).isDevelopmentKey()).isTrue();
        assertThat(new MasterKey(true, KEY, "", root.resolve("data")).isDevelopmentKey()).isFalse();
    }

    @Test
    void a_master_key_file_inside_the_data_directory_is_refused() throws IOException {
        Path dataDir = Files.createDirectories(root.resolve("data"));
        Path inside = Files.writeString(dataDir.resolve("master.key"), KEY);
        Path outside = Files.writeString(root.resolve("master.key"), KEY);

        assertThatThrownBy(() -> new MasterKey(false, "", inside.toString(), dataDir))
                .hasMessageContaining("inside the data directory");
        assertThatThrownBy(() -> new MasterKey(false, "", root.resolve("data/../data/master.key").toString(), dataDir))
                .hasMessageContaining("inside the data directory");
        assertThat(new MasterKey(false, "", outside.toString(), dataDir).isDevelopmentKey()).isFalse();
    }

    @Test
    void a_master_key_of_the_wrong_length_is_refused_without_showing_it() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new MasterKey(false, short16, "", root))
                .hasMessageContaining("32 bytes").hasMessageNotContaining(short16);
    }
}
