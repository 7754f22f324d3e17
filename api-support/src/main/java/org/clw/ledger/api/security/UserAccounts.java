package org.clw.ledger.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The users of the HTTP Basic login, from configuration. Passwords are stored only as bcrypt hashes.
 *
 * @param users each with a username, a bcrypt password hash and one role
 */
@ConfigurationProperties("clw.security")
record UserAccounts(List<Account> users) {

    UserAccounts {
        users = users == null ? List.of() : List.copyOf(users);
    }

    record Account(String username, String passwordHash, Role role) {
    }
}
