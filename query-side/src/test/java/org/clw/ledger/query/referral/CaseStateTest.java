package org.clw.ledger.query.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.EventSamples;
import org.clw.ledger.events.appointment.AppointmentAttended;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMissed;
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
import org.clw.ledger.events.referral.DeclineReason;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralDeclined;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.referral.ReopenReason;
import org.clw.ledger.events.setting.SettingId;
import org.junit.jupiter.api.Test;

/** The case fold, in plain Java: given these events of a case, the case is this. */
class CaseStateTest {

    static final ReferralId CASE = new ReferralId("C1");
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    /** Every kind of case event, in the order of its samples, is folded: none is left to the final refusal. */
    @Test
    void every_kind_of_case_event_is_folded() {
        List<CaseEvent> samples = EventSamples.samplesOf(CaseEvent.class);
        assertThat(samples).extracting(Object::getClass).containsAll(EventSamples.kindsOf(CaseEvent.class));

        CaseState state = fold(samples.toArray(CaseEvent[]::new));

        assertThat(state.version()).isEqualTo(samples.size() - 1);
        assertThat(state.status()).isEqualTo(CaseStatus.ACTIVE);
    }

    @Test
    void a_received_referral_waits_for_its_first_contact() {
        CaseState state = fold(received());
        assertThat(state.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(state.isWaiting()).isTrue();
        assertThat(state.version()).isZero();
    }

    @Test
    void the_waiting_list_holds_received_accepted_and_allocated_cases_never_attended() {
        assertThat(fold(received(), accepted()).isWaiting()).isTrue();
        assertThat(fold(received(), accepted(), allocated()).isWaiting()).isTrue();
        assertThat(fold(received(), accepted(), allocated(), booked(), attended()).isWaiting())
                .as("active after a first attended appointment").isFalse();
        assertThat(fold(received(), new ReferralDeclined(CASE, DeclineReason.OUT_OF_AREA, T.plusSeconds(60)))
                .isWaiting()).as("declined").isFalse();
        assertThat(fold(received(), accepted(), new CaseClosed(CASE, ClosureReason.NO_CONTACT_AFTER_ATTEMPTS, null,
                T.plusSeconds(120))).isWaiting()).as("closed before any contact").isFalse();
    }

    @Test
    void a_corrected_attendance_makes_the_case_active_and_counts_it() {
        CaseState state = fold(received(), accepted(), allocated(), booked(),
                new AppointmentMissed(CASE, new AppointmentId("A1"), T.plusSeconds(3600)),
                new AttendanceCorrected(CASE, new AppointmentId("A1"), Attendance.MISSED, Attendance.ATTENDED,
                        CorrectionReason.RECORDED_IN_ERROR, T.plusSeconds(7200)));
        assertThat(state.status()).isEqualTo(CaseStatus.ACTIVE);
        assertThat(state.appointmentsAttended()).isEqualTo(1);
        assertThat(state.appointmentsMissed()).isZero();
        assertThat(state.firstAttendedAt()).isEqualTo(T.plusSeconds(3600));
    }

    @Test
    void a_reopened_case_is_active_again_and_keeps_its_closure() {
        CaseState state = fold(received(), accepted(), allocated(), booked(), attended(),
                new CaseClosed(CASE, ClosureReason.DISENGAGED, null, T.plusSeconds(9000)),
                new CaseReopened(CASE, ReopenReason.NEW_NEED, T.plusSeconds(9600)));
        assertThat(state.status()).isEqualTo(CaseStatus.ACTIVE);
        assertThat(state.closures()).hasSize(1);
        assertThat(state.closureReason()).isNull();
        assertThat(state.statusHistory()).extracting(StatusChange::status).containsExactly(CaseStatus.RECEIVED,
                CaseStatus.ACCEPTED, CaseStatus.ALLOCATED, CaseStatus.ACTIVE, CaseStatus.CLOSED, CaseStatus.ACTIVE);
    }

    @Test
    void an_event_applied_before_changes_nothing_and_the_old_state_stays_as_it_was() {
        CaseState first = fold(received());
        CaseState second = first.next(accepted(), 1).orElseThrow();
        assertThat(second.next(accepted(), 1)).isEmpty();
        assertThat(second.next(received(), 0)).isEmpty();
        assertThat(first.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(second.status()).isEqualTo(CaseStatus.ACCEPTED);
    }

    @Test
    void times_are_kept_to_the_millisecond_as_stored() {
        CaseState state = fold(new ReferralReceived(CASE, new ParticipantId("P000001"), new SettingId("gp-1"),
                Set.of(Need.DEBT), Need.DEBT, ReferralRoute.GP, true, Instant.parse("2026-03-02T09:00:00.123456789Z")));
        assertThat(state.receivedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123Z"));
        assertThat(state.statusHistory().get(0).at()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123Z"));
    }

    static CaseState fold(CaseEvent... events) {
        CaseState state = CaseState.none();
        for (int sequence = 0; sequence < events.length; sequence++) {
            state = state.next(events[sequence], sequence).orElseThrow();
        }
        return state;
    }

    static ReferralReceived received() {
        return new ReferralReceived(CASE, new ParticipantId("P000001"), new SettingId("gp-1"), Set.of(Need.DEBT),
                Need.DEBT, ReferralRoute.GP, true, T);
    }

    static ReferralAccepted accepted() {
        return new ReferralAccepted(CASE, T.plusSeconds(60));
    }

    static LinksWorkerAllocated allocated() {
        return new LinksWorkerAllocated(CASE, new LinksWorkerId("lw-1"), null, false, T.plusSeconds(120));
    }

    static AppointmentBooked booked() {
        return new AppointmentBooked(CASE, new AppointmentId("A1"), T.plusSeconds(3600), 45,
                AppointmentMode.IN_PERSON, T.plusSeconds(180));
    }

    static AppointmentAttended attended() {
        return new AppointmentAttended(CASE, new AppointmentId("A1"), T.plusSeconds(3600));
    }
}
