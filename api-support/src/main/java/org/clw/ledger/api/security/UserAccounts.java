package org.clw.ledger.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The users of the HTTP Basic login, from configuration. Passwords are stored only as bcrypt hashes.
 *
 * @param users each with a username, a bcrypt password hash, one role and, for links workers and managers, their part
 *              of the programme
 */
@ConfigurationProperties("clw.security")
record UserAccounts(List<Account> users) {

    UserAccounts {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param workerId the links worker this user is (links workers only)
     * @param settings the settings this user manages (service managers only)
     */
    record Account(String username, String passwordHash, Role role, String workerId, List<String> settings) {

        Account {
            settings = settings == null ? List.of() : List.copyOf(settings);
        }
    }
}
