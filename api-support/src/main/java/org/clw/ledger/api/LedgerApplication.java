package org.clw.ledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** How each of the system's applications starts (command side, query side, standalone). */
public final class LedgerApplication {

    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    private LedgerApplication() {
    }

    /** Runs the application with Axon's update checker off. */
    public static ConfigurableApplicationContext run(Class<?> application, String... args) {
        disableAxonUpdateChecker();
        return SpringApplication.run(application, args);
    }

    /**
     * Axon's update checker would call out to the internet and write under the home directory; off unless the
     * operator set it. (The build sets it for the contexts tests start.)
     */
    public static void disableAxonUpdateChecker() {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
    }
}
