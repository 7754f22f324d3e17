package org.clw.ledger.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.appointment.AppointmentAttended;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMode;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.referral.CaseState;
import org.junit.jupiter.api.Test;

/** What a case adds to the statistics, in plain Java: each count on the day it happened, also by route and need. */
class StatisticsContributionsTest {

    static final ReferralId CASE = new ReferralId("C1");
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void a_referral_counts_on_its_day_overall_by_route_and_by_primary_need() {
        Map<LocalDate, Map<Counter, Long>> days = StatisticsContributions.of(fold(received()));
        assertThat(days).containsOnlyKeys(LocalDate.of(2026, 3, 2));
        assertThat(days.get(LocalDate.of(2026, 3, 2))).containsExactlyInAnyOrderEntriesOf(Map.of(
                Counter.of(Metric.RECEIVED), 1L,
                Counter.of(Metric.RECEIVED).by(Metric.ROUTE, "GP"), 1L,
                Counter.of(Metric.RECEIVED).by(Metric.NEED, "DEBT"), 1L));
    }

    @Test
    void a_first_attended_appointment_counts_its_wait_in_days_on_its_own_day() {
        Map<LocalDate, Map<Counter, Long>> days = StatisticsContributions.of(fold(received(),
                new ReferralAccepted(CASE, T.plusSeconds(60)),
                new LinksWorkerAllocated(CASE, new LinksWorkerId("lw-1"), null, false, T.plusSeconds(120)),
                new AppointmentBooked(CASE, new AppointmentId("A1"), Instant.parse("2026-03-05T10:00:00Z"), 45,
                        AppointmentMode.IN_PERSON, T.plusSeconds(180)),
                new AppointmentAttended(CASE, new AppointmentId("A1"), Instant.parse("2026-03-05T10:00:00Z"))));
        assertThat(days.get(LocalDate.of(2026, 3, 5))).containsEntry(Counter.of(Metric.ATTENDED), 1L)
                .containsEntry(Counter.of(Metric.WAIT_DAYS, 3), 1L)
                .containsEntry(Counter.of(Metric.WAIT_DAYS, 3).by(Metric.ROUTE, "GP"), 1L);
        assertThat(days.get(LocalDate.of(2026, 3, 2))).containsEntry(Counter.of(Metric.BOOKED), 1L)
                .containsEntry(Counter.of(Metric.ACCEPTED), 1L);
    }

    @Test
    void a_case_before_its_first_event_adds_nothing() {
        assertThat(StatisticsContributions.of(CaseState.none())).isEmpty();
    }

    static ReferralReceived received() {
        return new ReferralReceived(CASE, new ParticipantId("P000001"), new SettingId("gp-1"), Set.of(Need.DEBT),
                Need.DEBT, ReferralRoute.GP, true, T);
    }

    static CaseState fold(CaseEvent... events) {
        CaseState state = CaseState.none();
        for (int sequence = 0; sequence < events.length; sequence++) {
            state = state.next(events[sequence], sequence).orElseThrow();
        }
        return state;
    }
}
