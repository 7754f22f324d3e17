package org.clw.ledger.query.referral;

import java.util.List;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.bson.Document;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Before the processors start, the {@code cases} group's read models are cleared, so that it builds them again from
 * the first event in their current shape, when they were built by an earlier release in another shape:
 * <ul>
 * <li>the group has never stored a token but a {@code cases} collection exists (the release that ran eight groups,
 * each with its own copy of the cases); the collections only that layout used are dropped with them (the old groups'
 * tokens stay, unused);</li>
 * <li>the shape they were built in, kept beside them in {@value #SHAPES} (none kept: shape 1), is older than
 * {@link #SHAPE}; the group's tokens are deleted, so that it starts from the first event as a new group does, its
 * catch-up logged and reported as after any start on a long store.</li>
 * </ul>
 */
@Component
class FirstStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String SHAPES = "read_model_shapes";
    /**
     * The shape of the {@code cases} group's read models. 2: the statistics of every setting in one document per
     * period, and running totals over spans of years for the programme as of a date.
     */
    static final int SHAPE = 2;
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
        int[] segments = tokens.fetchSegments(CaseProjection.GROUP);
        if (mongo.collectionExists(CaseSummary.COLLECTION)) {
            if (segments.length == 0) {
                cases.reset();
                OLD_COLLECTIONS.stream().filter(mongo::collectionExists).forEach(mongo::dropCollection);
            } else if (builtIn() < SHAPE) {
                int shape = builtIn();
                try {
                    for (int segment : segments) {
                        // Claimed first (refused while another instance holds it), then gone: the group starts as new.
                        tokens.fetchToken(CaseProjection.GROUP, segment);
                        tokens.deleteToken(CaseProjection.GROUP, segment);
                    }
                } catch (UnableToClaimTokenException claimed) {
                    log.warn("The {} read models were built in shape {}, but another instance holds the group's claim:"
                            + " rebuild them once every instance runs this release (POST /api/admin/projections/{}"
                            + "/rebuild)", CaseProjection.GROUP, shape, CaseProjection.GROUP);
                    return;
                }
                log.info("The {} read models were built in shape {}; building them again in shape {}",
                        CaseProjection.GROUP, shape, SHAPE);
                // A flush the last release left unfinished would otherwise be written into the new read models.
                ProjectionBatch.recover(mongo, CaseProjection.GROUP);
                cases.reset();
            }
        }
        // Only once they are cleared and the tokens gone: a stop before this point clears them again at the next start.
        mongo.upsert(Query.query(Criteria.where("_id").is(CaseProjection.GROUP)), Update.update("shape", SHAPE),
                SHAPES);
    }

    private int builtIn() {
        Document shape = mongo.findById(CaseProjection.GROUP, Document.class, SHAPES);
        return shape == null ? 1 : shape.getInteger("shape", 1);
    }
}
