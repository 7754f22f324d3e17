package org.clw.ledger.query.uptake;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.clw.ledger.events.ProgrammeCalendar;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.referral.CaseState;
import org.clw.ledger.query.referral.OnwardReferralView;
import org.clw.ledger.query.uptake.UptakeCount.Subject;

/**
 * What one case, as it stands, adds to the uptake figures: per month, per counter. Each onward referral counts in
 * the month it was made (Europe/London), and so does its outcome, whenever it was recorded: the figures of a month
 * are those of a cohort, and its uptake rate is the share taken up among the outcomes recorded for it so far. A
 * referral to a directory service counts for the service and for the organisation offering it (made, outcome
 * recorded, taken up or not, its need); one outside the directory counts as a gap for its need. The projection
 * applies the difference before and after each event, so a corrected outcome moves its count from one kind to the
 * other and never counts twice.
 */
final class UptakeContributions {

    private UptakeContributions() {
    }

    static Map<YearMonth, Map<Counter, Long>> of(CaseState c) {
        Map<YearMonth, Map<Counter, Long>> months = new HashMap<>();
        if (!c.exists()) {
            return months;
        }
        for (OnwardReferralView onward : c.onwardReferrals()) {
            Map<Counter, Long> counts = months.computeIfAbsent(
                    YearMonth.from(ProgrammeCalendar.dayOf(onward.madeAt())), month -> new HashMap<>());
            if (onward.inDirectory()) {
                count(counts, Subject.SERVICE, onward.serviceId(), onward);
                count(counts, Subject.ORGANISATION, onward.serviceOrganisationId(), onward);
                counts.merge(UptakeCount.NEED.of(Subject.SERVICE, onward.serviceId(), onward.need()), 1L, Long::sum);
                counts.merge(UptakeCount.NEED.of(Subject.ORGANISATION, onward.serviceOrganisationId(), onward.need()),
                        1L, Long::sum);
            } else {
                count(counts, Subject.GAP, String.valueOf(onward.need()), onward);
            }
        }
        return months;
    }

    private static void count(Map<Counter, Long> counts, Subject subject, String id, OnwardReferralView onward) {
        counts.merge(UptakeCount.MADE.of(subject, id, null), 1L, Long::sum);
        if (onward.outcome() != null) {
            counts.merge(UptakeCount.OUTCOMES.of(subject, id, null), 1L, Long::sum);
            UptakeCount kind = onward.outcome() == OnwardReferralOutcome.TAKEN_UP ? UptakeCount.TAKEN_UP
                    : UptakeCount.NOT_TAKEN_UP;
            counts.merge(kind.of(subject, id, null), 1L, Long::sum);
        }
    }
}
