package org.clw.ledger.query.referral;

import java.util.List;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Before the processors start: when the {@code cases} group has never stored a token but a {@code cases} collection
 * exists (a data directory of the release that ran eight groups, each with its own copy of the cases), its read
 * models are cleared, so that it builds them from the first event in their current shape. The collections that only
 * the old layout used are dropped with them (the old groups' tokens stay, unused).
 */
@Component
class FirstStart implements SmartInitializingSingleton {

    private static final List<String> OLD_COLLECTIONS = List.of("caseloads_case_state", "waiting_lists_case_state",
            "statistics_case_state", "timeline_case_state", "audit_case_settings");

    private final TokenStore tokens;
    private final MongoOperations mongo;
    private final CaseProjection cases;

    FirstStart(TokenStore tokens, MongoOperations mongo, CaseProjection cases) {
        this.tokens = tokens;
        this.mongo = mongo;
        this.cases = cases;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (tokens.fetchSegments(CaseProjection.GROUP).length > 0
                || !mongo.collectionExists(CaseSummary.COLLECTION)) {
            return;
        }
        cases.reset();
        OLD_COLLECTIONS.stream().filter(mongo::collectionExists).forEach(mongo::dropCollection);
    }
}
