package org.clw.ledger.query.caseload;

import java.time.Instant;
import java.util.List;
import org.clw.ledger.query.referral.AppointmentState;
import org.clw.ledger.query.referral.AppointmentView;
import org.clw.ledger.query.referral.CaseStatus;
import org.clw.ledger.query.referral.CaseState;

/** An open case in a worker's caseload, with the starts of its booked appointments. */
record CaseloadEntry(String referralId, String participantId, String settingId, CaseStatus status,
                     Instant receivedAt, Instant allocatedAt, List<Instant> bookedStarts) {

    static CaseloadEntry of(CaseState summary) {
        return new CaseloadEntry(summary.referralId(), summary.participantId(), summary.settingId(),
                summary.status(), summary.receivedAt(), summary.allocatedAt(), summary.appointments().stream()
                .filter(appointment -> appointment.state() == AppointmentState.BOOKED)
                .map(AppointmentView::start)
                .sorted()
                .toList());
    }

    /** The first booked appointment after {@code now}, or null. */
    Instant nextAppointment(Instant now) {
        return bookedStarts.stream().filter(start -> start.isAfter(now)).findFirst().orElse(null);
    }
}
