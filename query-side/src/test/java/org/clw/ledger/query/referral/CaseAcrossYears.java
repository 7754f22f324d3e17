package org.clw.ledger.query.referral;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.appointment.AppointmentAttended;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMode;
import org.clw.ledger.events.appointment.Attendance;
import org.clw.ledger.events.appointment.AttendanceCorrected;
import org.clw.ledger.events.appointment.CorrectionReason;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.CaseClosed;
import org.clw.ledger.events.referral.CaseReopened;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.referral.ReopenReason;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.projection.MemoryBatch;
import org.clw.ledger.query.projection.Staged;

/**
 * For plain tests of the count views: one case whose life spans five years, with an appointment booked into the next
 * year, years without events, and a correction that moves a count of an earlier year; and a way to project it into
 * a view, one event at a time, into documents in memory.
 */
public final class CaseAcrossYears {

    public static final String SETTING = "gp-1";
    static final ReferralId CASE = new ReferralId("C1");
    static final AppointmentId APPOINTMENT = new AppointmentId("A1");

    private CaseAcrossYears() {
    }

    public static List<CaseEvent> events() {
        return List.of(
                new ReferralReceived(CASE, new ParticipantId("P000001"), new SettingId(SETTING), Set.of(Need.DEBT),
                        Need.DEBT, ReferralRoute.GP, true, Instant.parse("2019-11-20T09:00:00Z")),
                new ReferralAccepted(CASE, Instant.parse("2019-12-02T09:00:00Z")),
                new LinksWorkerAllocated(CASE, new LinksWorkerId("lw-1"), null, false,
                        Instant.parse("2020-01-10T09:00:00Z")),
                new AppointmentBooked(CASE, APPOINTMENT, Instant.parse("2021-01-05T10:00:00Z"), 45,
                        AppointmentMode.IN_PERSON, Instant.parse("2020-12-20T09:00:00Z")),
                new AppointmentAttended(CASE, APPOINTMENT, Instant.parse("2021-01-05T11:00:00Z")),
                new CaseClosed(CASE, ClosureReason.GOALS_MET, null, Instant.parse("2023-03-01T09:00:00Z")),
                new AttendanceCorrected(CASE, APPOINTMENT, Attendance.ATTENDED, Attendance.MISSED,
                        CorrectionReason.RECORDED_IN_ERROR, Instant.parse("2024-02-01T09:00:00Z")),
                new CaseReopened(CASE, ReopenReason.NEW_NEED, Instant.parse("2024-02-02T09:00:00Z")));
    }

    /**
     * Projects the case into the view one event at a time, each event's writes committed to the batch before the
     * next; after each, hands the case as it then stands to {@code check}.
     */
    public static void project(CaseView view, MemoryBatch batch, Consumer<CaseState> check) {
        CaseState state = CaseState.none();
        List<CaseEvent> events = events();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            CaseState next = state.next(events.get(sequence), sequence).orElseThrow();
            Staged writes = batch.stage();
            view.apply(new CaseChange(state, next, sequence, 100 + sequence, null), writes);
            batch.commit(writes);
            state = next;
            check.accept(state);
        }
    }
}
