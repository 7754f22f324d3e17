package org.clw.ledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralDeclined;
import org.clw.ledger.events.referral.DeclineReason;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.referral.CaseState;
import org.junit.jupiter.api.Test;

/** What a case adds to the programme's state over time, in plain Java: +1 when a stretch begins, -1 when it ends. */
class TimelineContributionsTest {

    static final ReferralId CASE = new ReferralId("C1");

    @Test
    void a_received_then_declined_referral_waits_from_its_receipt_to_its_decline() {
        CaseState state = CaseState.none()
                .next(new ReferralReceived(CASE, new ParticipantId("P000001"), new SettingId("gp-1"),
                        Set.of(Need.DEBT), Need.DEBT, ReferralRoute.GP, true, Instant.parse("2026-03-02T09:00:00Z")), 0)
                .orElseThrow()
                .next(new ReferralDeclined(CASE, DeclineReason.OUT_OF_AREA, Instant.parse("2026-03-04T09:00:00Z")), 1)
                .orElseThrow();
        Map<LocalDate, Map<Counter, Long>> days = TimelineContributions.of(state);
        assertThat(days.get(LocalDate.of(2026, 3, 2))).containsEntry(Counter.of("waiting"), 1L)
                .containsEntry(Counter.of("waiting").by("setting", "gp-1"), 1L)
                .containsEntry(Counter.of("status", "RECEIVED"), 1L);
        assertThat(days.get(LocalDate.of(2026, 3, 4))).containsEntry(Counter.of("waiting"), -1L)
                .containsEntry(Counter.of("status", "RECEIVED"), -1L)
                .containsEntry(Counter.of("status", "DECLINED"), 1L)
                .doesNotContainKey(Counter.of("open"));
    }

    @Test
    void an_accepted_case_is_open_and_still_waiting() {
        CaseState state = CaseState.none()
                .next(new ReferralReceived(CASE, new ParticipantId("P000001"), new SettingId("gp-1"),
                        Set.of(Need.DEBT), Need.DEBT, ReferralRoute.GP, true, Instant.parse("2026-03-02T09:00:00Z")), 0)
                .orElseThrow()
                .next(new ReferralAccepted(CASE, Instant.parse("2026-03-03T09:00:00Z")), 1).orElseThrow();
        Map<LocalDate, Map<Counter, Long>> days = TimelineContributions.of(state);
        assertThat(total(days, Counter.of("open"))).isEqualTo(1);
        assertThat(total(days, Counter.of("waiting"))).isEqualTo(1);
        assertThat(total(days, Counter.of("status", "RECEIVED"))).isZero();
    }

    /** The state after every day: the sum of the changes. */
    private static long total(Map<LocalDate, Map<Counter, Long>> days, Counter counter) {
        return days.values().stream().mapToLong(counts -> counts.getOrDefault(counter, 0L)).sum();
    }
}
