package org.clw.ledger.query.referral;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.projection.Staged;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code cases} projection: each case event is folded into its case once ({@link CaseState#next}), the new state
 * is stored in {@code cases}, and every {@link CaseView} takes the change in the same pass. All of one event's writes
 * are committed to the batch together, after every view has staged its part: an event whose handling fails (and goes
 * to the dead-letter queue) leaves no trace, so its retry applies it once. A re-delivered event changes no state,
 * hence nothing at all.
 */
@Component
@ProcessingGroup(CaseProjection.GROUP)
class CaseProjection {

    static final String GROUP = "cases";

    private final MongoOperations mongo;
    private final List<CaseView> views;

    CaseProjection(MongoOperations mongo, List<CaseView> views) {
        this.mongo = mongo;
        this.views = views;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, TrackingToken token, EventMessage<?> message,
            ProjectionBatch batch) {
        FoldPlan plan = batch.readAhead(messages -> plan(messages, batch), FoldPlan::writes);
        String id = event.referralId().value();
        CaseSummary stored = batch.findCase(CaseSummary.COLLECTION, id, CaseSummary.class).orElse(null);
        CaseState before = stored == null ? CaseState.none() : stored.state();
        PlannedChange planned = plan.of(message.getIdentifier(), before);
        if (planned != null) {
            // Folded once: the plan's change and its views' writes are this event's.
            Staged writes = planned.writes();
            writes.replace(CaseSummary.COLLECTION, id, CaseSummary.of(planned.change().after(), stored,
                    planned.change().position()));
            batch.commit(writes);
            return;
        }
        before.next(event, sequence).ifPresent(after -> {
            long position = Positions.of(token);
            CaseChange change = new CaseChange(before, after, sequence, position, message);
            Staged writes = batch.stage();
            views.forEach(view -> view.apply(change, writes));
            writes.replace(CaseSummary.COLLECTION, id, CaseSummary.of(after, stored, position));
            batch.commit(writes);
        });
    }

    /**
     * The batch's case events folded ahead from the cases as stored, each with what the views stage for it: the
     * documents to read ahead, and the fold and writes that handling each event reuses. An event that cannot be
     * folded ends its case's plan; handling it for real decides what happens. An event that changes nothing (a
     * re-delivery) has no plan, and handling it folds it again, to the same nothing.
     */
    private FoldPlan plan(List<? extends Message<?>> messages, ProjectionBatch batch) {
        FoldPlan plan = new FoldPlan();
        Map<String, CaseState> states = new HashMap<>();
        Set<String> unplanned = new HashSet<>();
        for (Message<?> message : messages) {
            if (message.getPayload() instanceof CaseEvent event && message instanceof DomainEventMessage<?> stored
                    && !unplanned.contains(event.referralId().value())) {
                String id = event.referralId().value();
                try {
                    CaseState before = states.computeIfAbsent(id, key -> batch.findCase(CaseSummary.COLLECTION, key,
                            CaseSummary.class).map(CaseSummary::state).orElse(CaseState.none()));
                    before.next(event, stored.getSequenceNumber()).ifPresent(after -> {
                        long position = message instanceof TrackedEventMessage<?> tracked
                                ? Positions.of(tracked.trackingToken()) : -1;
                        CaseChange change = new CaseChange(before, after, stored.getSequenceNumber(), position,
                                stored);
                        Staged writes = batch.stage();
                        views.forEach(view -> view.apply(change, writes));
                        plan.add(stored.getIdentifier(), new PlannedChange(change, writes));
                        states.put(id, after);
                    });
                } catch (RuntimeException notFoldable) {
                    unplanned.add(id);
                }
            }
        }
        return plan;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CaseSummary.COLLECTION);
        views.forEach(CaseView::reset);
    }
}
