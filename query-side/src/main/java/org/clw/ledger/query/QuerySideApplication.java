package org.clw.ledger.query;

import org.clw.ledger.api.LedgerApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side on its own: projections into MongoDB and the REST query API, reading events from Axon Server. */
@SpringBootApplication(scanBasePackages = {"org.clw.ledger.query", "org.clw.ledger.api", "org.clw.ledger.privacy"})
public class QuerySideApplication {

    public static void main(String[] args) {
        LedgerApplication.run(QuerySideApplication.class, args);
    }
}
