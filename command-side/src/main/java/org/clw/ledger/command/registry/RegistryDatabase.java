package org.clw.ledger.command.registry;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The databases the registry runs on: H2 for one instance (the standalone default), PostgreSQL for several sharing
 * one registry. What differs between them (per-connection settings, sequences, schema locking, event tables) is
 * chosen by this, never by parsing the URL at each use.
 */
public enum RegistryDatabase {
    H2,
    POSTGRESQL;

    /** From a JDBC URL, before any connection exists (the connection settings are decided then). */
    static RegistryDatabase ofUrl(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw unsupported(jdbcUrl == null ? "no JDBC URL" : jdbcUrl.replaceFirst("^(jdbc:[^:]+):.*", "$1"));
    }

    /** From the database itself. */
    static RegistryDatabase of(DataSource dataSource) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the registry is in", e);
        }
        return switch (product) {
            case "H2" -> H2;
            case "PostgreSQL" -> POSTGRESQL;
            default -> throw unsupported(product);
        };
    }

    private static IllegalStateException unsupported(String database) {
        return new IllegalStateException("The command side's registry runs on H2 or PostgreSQL (spring.datasource.url),"
                + " not " + database);
    }
}
