package org.clw.ledger.command.registry;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.autoconfigure.ApplicationDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the registry's tables (and, through {@link #underLock}, the embedded event store's) at startup. Several
 * instances sharing one PostgreSQL registry may start at once, and PostgreSQL's {@code CREATE ... IF NOT EXISTS} is
 * not safe against a concurrent creation of the same object: so the creation runs in a transaction holding an
 * advisory lock, one instance after the other. H2 is a file of one process; it needs no lock. Spring Boot's own
 * script initialisation backs off for this one.
 */
public class SchemaCreation extends ApplicationDataSourceScriptDatabaseInitializer {

    /** Any fixed number, the same in every instance: "clw-reg" in ASCII. */
    private static final long LOCK = 0x636c772d726567L;

    private final DataSource dataSource;
    private final RegistryDatabase database;

    SchemaCreation(DataSource dataSource) {
        super(dataSource, settings());
        this.dataSource = dataSource;
        this.database = RegistryDatabase.of(dataSource);
    }

    private static DatabaseInitializationSettings settings() {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setSchemaLocations(List.of("classpath:registry-schema.sql"));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        return settings;
    }

    @Override
    protected void runScripts(Scripts scripts) {
        underLock(() -> super.runScripts(scripts));
    }

    /** Runs a schema creation so that no other instance creates the same schema at the same time. */
    public void underLock(Runnable creation) {
        if (database != RegistryDatabase.POSTGRESQL) {
            creation.run();
            return;
        }
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(transaction -> {
            new JdbcTemplate(dataSource).queryForList("SELECT pg_advisory_xact_lock(?)", LOCK);
            creation.run();
        });
    }

    public RegistryDatabase database() {
        return database;
    }
}
