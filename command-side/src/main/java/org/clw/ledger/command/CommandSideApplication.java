package org.clw.ledger.command;

import org.clw.ledger.api.LedgerApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side on its own: aggregates and the REST command API. */
@SpringBootApplication(scanBasePackages = {"org.clw.ledger.command", "org.clw.ledger.api", "org.clw.ledger.privacy"})
public class CommandSideApplication {

    public static void main(String[] args) {
        LedgerApplication.run(CommandSideApplication.class, args);
    }
}
