package org.clw.ledger.query.timeline;

import java.time.LocalDate;
import java.util.Map;
import org.bson.Document;
import org.clw.ledger.events.ProgrammeCalendar;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.Collections;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.projection.Staged;
import org.clw.ledger.query.referral.CaseChange;
import org.clw.ledger.query.referral.CaseCountsView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code timeline} read model: per year, month and day, how the programme's open cases, waiting list and
 * caseloads changed, and the same as running totals over spans of years ({@link Calendar#spansOf}), so that the state
 * on any day is the sum of a bounded number of documents ({@link Calendar#upTo}); and the programme's first day (its
 * earliest referral), which bounds every period asked for.
 */
@Component
class TimelineProjection extends CaseCountsView<LocalDate> {

    static final String COLLECTION = "timeline";
    static final String FIRST_DAY = "first-day";

    private final MongoOperations mongo;

    TimelineProjection(MongoOperations mongo) {
        super(mongo, COLLECTION, null, TimelineContributions::of);
        this.mongo = mongo;
    }

    @Override
    protected void count(LocalDate day, Map<Counter, Long> delta, Tally tally) {
        Calendar.keysOf(day).forEach(period -> tally.programme(period, delta));
        Calendar.spansOf(day.getYear()).forEach(span -> tally.programme(span, delta));
    }

    @Override
    public void apply(CaseChange change, Staged writes) {
        super.apply(change, writes);
        if (!change.before().exists()) {
            LocalDate received = ProgrammeCalendar.dayOf(change.after().receivedAt());
            writes.update(Collections.PROGRAMME, FIRST_DAY, Document.class,
                    () -> new Document("_id", FIRST_DAY), first -> {
                        String day = first.getString("day");
                        if (day != null && !received.isBefore(LocalDate.parse(day))) {
                            return false;
                        }
                        first.put("day", received.toString());
                        return true;
                    });
        }
    }

    @Override
    public void reset() {
        super.reset();
        if (mongo.collectionExists(Collections.PROGRAMME)) {
            mongo.dropCollection(Collections.PROGRAMME);
        }
    }
}
