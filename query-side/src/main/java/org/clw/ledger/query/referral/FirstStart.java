package org.clw.ledger.query.referral;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.bson.Document;
import org.clw.ledger.query.projection.HeldProjections;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Before the processors start, the {@code cases} group's read models are cleared, so that it builds them again from
 * the first event in their current shape, when they were built by an earlier release in another shape:
 * <ul>
 * <li>the group has never stored a token but a {@code cases} collection exists and no current shape is kept (the
 * release that ran eight groups, each with its own copy of the cases); the collections only that layout used are
 * dropped with them (the old groups' tokens stay, unused);</li>
 * <li>the shape they were built in, kept beside them in {@value #SHAPES} (none kept: shape 1), is older than
 * {@link #SHAPE}; the group's tokens are deleted, so that it starts from the first event as a new group does, its
 * catch-up logged and reported as after any start on a long store.</li>
 * </ul>
 * When another instance holds the group's claim (one of the last release, still running), this one waits: its
 * {@code cases} processor stays stopped, so that it never folds into read models of the old shape, it is not ready
 * ({@link ReadModelShapeHealth}), and it tries again every few seconds. It is done once the shape kept is current (an
 * instance of this release cleared them) or once it can claim the group itself: the holder stopped and released its
 * claim, or died and its claim was not renewed within the token store's claim timeout.
 */
@Component
class FirstStart implements SmartInitializingSingleton, HeldProjections {

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
    private final ObjectProvider<EventProcessingConfiguration> processing;
    /** The older shape the read models are still in while another instance holds the group's claim; else empty. */
    private volatile OptionalInt waitingIn = OptionalInt.empty();
    /** Set once the application closes: Axon shuts the processors down then, and no retry may start one again. */
    private volatile boolean closing;

    FirstStart(TokenStore tokens, MongoOperations mongo, CaseProjection cases,
            ObjectProvider<EventProcessingConfiguration> processing) {
        this.tokens = tokens;
        this.mongo = mongo;
        this.cases = cases;
        this.processing = processing;
    }

    @Override
    public synchronized void afterSingletonsInstantiated() {
        if (upgrade()) {
            done();
        }
    }

    /** The older shape the read models are in while this instance waits for the group's claim. */
    OptionalInt waitingIn() {
        return waitingIn;
    }

    @Override
    public Optional<String> held(String projection) {
        return CaseProjection.GROUP.equals(projection) && waitingIn.isPresent()
                ? Optional.of("The cases read models are in an older shape and another instance holds the group's"
                        + " claim: this instance builds them again once it can, and cannot rebuild them before")
                : Optional.empty();
    }

    /** The processors have started by now: while waiting, this instance's {@code cases} processor must not run. */
    @EventListener(ApplicationStartedEvent.class)
    synchronized void holdBackWhileWaiting() {
        if (waitingIn.isPresent() && !closing) {
            processor().shutDown();
        }
    }

    /** Published before Axon shuts the processors down; a retry under way finishes first. */
    @EventListener(ContextClosedEvent.class)
    synchronized void closing() {
        closing = true;
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    synchronized void tryAgain() {
        if (waitingIn.isPresent() && !closing && upgrade()) {
            // Still waiting (and tried again) until the processor has started.
            processor().start();
            done();
        }
    }

    /** Whether the read models are (now) in the current shape, or being built in it. */
    private boolean upgrade() {
        int shape = builtIn();
        if (shape >= SHAPE) {
            return true;
        }
        int[] segments = tokens.fetchSegments(CaseProjection.GROUP);
        if (mongo.collectionExists(CaseSummary.COLLECTION)) {
            if (segments.length == 0) {
                // Also after tokens deleted in part before a refusal: a flush the last release left unfinished.
                ProjectionBatch.recover(mongo, CaseProjection.GROUP);
                cases.reset();
                OLD_COLLECTIONS.stream().filter(mongo::collectionExists).forEach(mongo::dropCollection);
            } else {
                try {
                    for (int segment : segments) {
                        // Claimed first (refused while another instance holds it), then gone: the group starts as new.
                        tokens.fetchToken(CaseProjection.GROUP, segment);
                        tokens.deleteToken(CaseProjection.GROUP, segment);
                    }
                } catch (UnableToClaimTokenException claimed) {
                    if (waitingIn.isEmpty()) {
                        log.warn("The {} read models were built in shape {}, but another instance holds the group's"
                                + " claim: not ready until that instance releases it or an instance of this release"
                                + " builds them again in shape {}", CaseProjection.GROUP, shape, SHAPE);
                    }
                    waitingIn = OptionalInt.of(shape);
                    return false;
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
        return true;
    }

    private void done() {
        if (waitingIn.isPresent()) {
            log.info("The {} read models are being built in shape {} now: no longer waiting for the group's claim",
                    CaseProjection.GROUP, SHAPE);
            waitingIn = OptionalInt.empty();
        }
    }

    private StreamingEventProcessor processor() {
        return processing.getObject().eventProcessor(CaseProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private int builtIn() {
        Document shape = mongo.findById(CaseProjection.GROUP, Document.class, SHAPES);
        return shape == null ? 1 : shape.getInteger("shape", 1);
    }
}
