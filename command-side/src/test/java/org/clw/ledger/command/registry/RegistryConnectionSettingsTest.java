package org.clw.ledger.command.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.clw.ledger.command.CommandSideApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The registry's durability and lock-wait settings hold on every connection whatever {@code spring.datasource.url}
 * says: an operator's (or compose's) URL without them still gets them. (PostgreSQL's: SharedRegistryTest.)
 */
class RegistryConnectionSettingsTest {

    /** A file database, as in the old compose file's override: H2's own defaults for it are a delay and 2 s. */
    @TempDir
    Path directory;

    @Test
    void an_overridden_url_without_the_settings_still_gets_them_on_every_connection() throws SQLException {
        try (var app = new SpringApplicationBuilder(CommandSideApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("command-side"),
                "--clw.registry.lock-timeout=3s")) {
            DataSource dataSource = app.getBean(DataSource.class);
            // Two at once, so that they are two connections of the pool, not one handed out twice.
            try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
                for (Connection connection : new Connection[] {first, second}) {
                    assertThat(single(connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                            + "WHERE SETTING_NAME = 'WRITE_DELAY'")).isEqualTo("0");
                    assertThat(single(connection, "SELECT LOCK_TIMEOUT()")).isEqualTo("3000");
                }
            }
            // The file's housekeeping, which H2 itself runs only with a write delay, runs with this one.
            assertThat(app.getBean(H2FileHousekeeping.class).isRunning()).isTrue();
        }
    }

    @Test
    void without_them_h2_would_delay_its_writes_and_wait_its_own_lock_timeout() throws SQLException {
        try (Connection plain = DriverManager.getConnection(
                "jdbc:h2:file:" + directory.resolve("no-settings"), "sa", "")) {
            assertThat(single(plain, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME = 'WRITE_DELAY'")).isNotEqualTo("0");
            assertThat(single(plain, "SELECT LOCK_TIMEOUT()")).isNotEqualTo("3000");
        }
    }

    @Test
    void the_settings_for_each_database_carry_the_configured_lock_timeout() {
        RegistryConnectionSettings settings = new RegistryConnectionSettings(Duration.ofSeconds(7));
        assertThat(settings.sqlFor(RegistryDatabase.H2)).isEqualTo("SET WRITE_DELAY 0; SET LOCK_TIMEOUT 7000");
        assertThat(settings.sqlFor(RegistryDatabase.POSTGRESQL))
                .isEqualTo("SET synchronous_commit = on; SET lock_timeout = 7000");
    }

    @Test
    void a_lock_timeout_of_nothing_or_of_more_than_five_minutes_is_refused() {
        assertThatThrownBy(() -> new RegistryConnectionSettings(Duration.ZERO))
                .hasMessageContaining("clw.registry.lock-timeout");
        assertThatThrownBy(() -> new RegistryConnectionSettings(Duration.ofMinutes(6)))
                .hasMessageContaining("clw.registry.lock-timeout");
    }

    @Test
    void a_data_source_that_is_not_a_hikari_pool_is_refused_rather_than_left_without_the_settings() {
        RegistryConnectionSettings settings = new RegistryConnectionSettings(Duration.ofSeconds(10));
        assertThatThrownBy(() -> settings.postProcessAfterInitialization(
                new SimpleDriverDataSource(), "dataSource")).hasMessageContaining("HikariCP");
    }

    @Test
    void a_database_other_than_h2_or_postgresql_is_refused_by_name() {
        assertThatThrownBy(() -> RegistryDatabase.ofUrl("jdbc:mysql://db/clw"))
                .hasMessageContaining("H2 or PostgreSQL").hasMessageContaining("jdbc:mysql");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
