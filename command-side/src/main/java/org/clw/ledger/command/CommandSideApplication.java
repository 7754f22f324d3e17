package org.clw.ledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side on its own: aggregates and the REST command API. */
@SpringBootApplication(scanBasePackages = {"org.clw.ledger.command", "org.clw.ledger.api", "org.clw.ledger.privacy"})
public class CommandSideApplication {

    public static void main(String[] args) {
        disableAxonUpdateChecker();
        SpringApplication.run(CommandSideApplication.class, args);
    }

    /** Axon's update checker would call out to the internet and write under the home directory. */
    public static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
