package org.clw.ledger.command.registry;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Every connection to the registry is made durable before a command is acknowledged and bounded in how long it waits
 * for a row lock (an allocation waits for another one to the same worker), whatever {@code spring.datasource.url}
 * says: the settings are the pool's per-connection initialisation, not part of the URL, so an overridden URL
 * (compose's, an operator's) cannot drop them. H2: {@code WRITE_DELAY 0} (it would otherwise write a commit out up to
 * half a second later, and a crash in that window loses acknowledged events) and {@code LOCK_TIMEOUT}; PostgreSQL:
 * {@code synchronous_commit on} and {@code lock_timeout}.
 */
class RegistryConnectionSettings implements BeanPostProcessor {

    static final Duration LONGEST_LOCK_TIMEOUT = Duration.ofMinutes(5);

    private final Duration lockTimeout;

    RegistryConnectionSettings(Duration lockTimeout) {
        if (lockTimeout.isNegative() || lockTimeout.isZero() || lockTimeout.compareTo(LONGEST_LOCK_TIMEOUT) > 0) {
            throw new IllegalArgumentException("clw.registry.lock-timeout must be more than 0 and at most "
                    + LONGEST_LOCK_TIMEOUT + ", not " + lockTimeout);
        }
        this.lockTimeout = lockTimeout;
    }

    /** After binding, so that the URL and any initialisation SQL of the configuration are known. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            String own = pool.getConnectionInitSql();
            String settings = sqlFor(RegistryDatabase.ofUrl(pool.getJdbcUrl()));
            pool.setConnectionInitSql(own == null || own.isBlank() ? settings : settings + "; " + own);
        } else if (bean instanceof DataSource) {
            // Another pool would connect without the settings: refuse to start rather than run without them.
            throw new IllegalStateException("The registry's connection settings are applied through HikariCP, "
                    + "Spring Boot's default pool; data source " + beanName + " is a " + bean.getClass().getName());
        }
        return bean;
    }

    String sqlFor(RegistryDatabase database) {
        long millis = lockTimeout.toMillis();
        return switch (database) {
            case H2 -> "SET WRITE_DELAY 0; SET LOCK_TIMEOUT " + millis;
            case POSTGRESQL -> "SET synchronous_commit = on; SET lock_timeout = " + millis;
        };
    }
}
