package org.clw.ledger.query.uptake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.OnwardReferralMade;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OnwardReferralOutcomeRecorded;
import org.clw.ledger.events.referral.OutcomeCorrectionReason;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.referral.CaseState;
import org.clw.ledger.query.uptake.UptakeCount.Subject;
import org.junit.jupiter.api.Test;

/** What a case adds to the uptake figures, in plain Java: the specification of {@link UptakeContributions}. */
class UptakeContributionsTest {

    static final ReferralId CASE = new ReferralId("C1");
    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth APRIL = YearMonth.of(2026, 4);

    @Test
    void a_referral_to_a_directory_service_counts_for_the_service_and_its_organisation_with_its_need() {
        Map<YearMonth, Map<Counter, Long>> months = UptakeContributions.of(fold(toDebtClinic("O1", "03-02")));
        assertThat(months).containsOnlyKeys(MARCH);
        assertThat(months.get(MARCH)).containsExactlyInAnyOrderEntriesOf(Map.of(
                UptakeCount.MADE.of(Subject.SERVICE, "svc-debt", null), 1L,
                UptakeCount.NEED.of(Subject.SERVICE, "svc-debt", Need.DEBT), 1L,
                UptakeCount.MADE.of(Subject.ORGANISATION, "org-advice", null), 1L,
                UptakeCount.NEED.of(Subject.ORGANISATION, "org-advice", Need.DEBT), 1L));
    }

    @Test
    void an_outcome_counts_in_the_month_the_referral_was_made_whenever_it_is_recorded() {
        Map<YearMonth, Map<Counter, Long>> months = UptakeContributions.of(fold(toDebtClinic("O1", "03-31"),
                outcome("O1", OnwardReferralOutcome.TAKEN_UP, null, "04-20")));
        assertThat(months).containsOnlyKeys(MARCH);
        assertThat(months.get(MARCH))
                .containsEntry(UptakeCount.OUTCOMES.of(Subject.SERVICE, "svc-debt", null), 1L)
                .containsEntry(UptakeCount.TAKEN_UP.of(Subject.SERVICE, "svc-debt", null), 1L)
                .containsEntry(UptakeCount.TAKEN_UP.of(Subject.ORGANISATION, "org-advice", null), 1L)
                .doesNotContainKey(UptakeCount.NOT_TAKEN_UP.of(Subject.SERVICE, "svc-debt", null));
    }

    @Test
    void a_month_is_the_programmes_month_in_Europe_London() {
        // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in British Summer Time.
        assertThat(UptakeContributions.of(fold(toDebtClinic("O1", "03-31", "23:30")))).containsOnlyKeys(APRIL);
    }

    @Test
    void a_corrected_outcome_moves_its_count_from_one_kind_to_the_other() {
        CaseState before = fold(toDebtClinic("O1", "03-02"),
                outcome("O1", OnwardReferralOutcome.NOT_TAKEN_UP, null, "03-10"));
        CaseState after = before.next(outcome("O1", OnwardReferralOutcome.TAKEN_UP,
                OutcomeCorrectionReason.RECORDED_IN_ERROR, "03-12"), 3).orElseThrow();
        Map<YearMonth, Map<Counter, Long>> delta = UptakeProjection.difference(UptakeContributions.of(before),
                UptakeContributions.of(after));
        assertThat(delta.get(MARCH)).containsExactlyInAnyOrderEntriesOf(Map.of(
                UptakeCount.NOT_TAKEN_UP.of(Subject.SERVICE, "svc-debt", null), -1L,
                UptakeCount.TAKEN_UP.of(Subject.SERVICE, "svc-debt", null), 1L,
                UptakeCount.NOT_TAKEN_UP.of(Subject.ORGANISATION, "org-advice", null), -1L,
                UptakeCount.TAKEN_UP.of(Subject.ORGANISATION, "org-advice", null), 1L));
    }

    @Test
    void a_referral_outside_the_directory_is_a_gap_for_its_need_and_names_no_service() {
        Map<YearMonth, Map<Counter, Long>> months = UptakeContributions.of(fold(
                OnwardReferralMade.outsideDirectory(CASE, new OnwardReferralId("O1"), new SealedText("c2VhbGVk"),
                        Need.HOUSING, OnwardReferralKind.SIGNPOST, at("03-04", "10:00")),
                outcome("O1", OnwardReferralOutcome.NOT_TAKEN_UP, null, "03-09")));
        assertThat(months.get(MARCH)).containsExactlyInAnyOrderEntriesOf(Map.of(
                UptakeCount.MADE.of(Subject.GAP, "HOUSING", null), 1L,
                UptakeCount.OUTCOMES.of(Subject.GAP, "HOUSING", null), 1L,
                UptakeCount.NOT_TAKEN_UP.of(Subject.GAP, "HOUSING", null), 1L));
    }

    @Test
    void a_case_before_its_first_event_adds_nothing() {
        assertThat(UptakeContributions.of(CaseState.none())).isEmpty();
    }

    @Test
    void tallies_gather_a_subjects_counts_and_needs() {
        Map<Counter, Long> counts = UptakeContributions.of(fold(toDebtClinic("O1", "03-02"),
                toDebtClinic("O2", "03-03"), outcome("O1", OnwardReferralOutcome.TAKEN_UP, null, "03-04")))
                .get(MARCH);
        assertThat(Tally.of(counts, Subject.SERVICE)).containsExactly(Map.entry("svc-debt",
                new Tally(2, 1, 1, 0, Map.of(Need.DEBT, 2L))));
        assertThat(Tally.of(counts, Subject.GAP)).isEmpty();
    }

    @Test
    void whole_years_cover_their_months_and_the_rest_are_single_months() {
        assertThat(UptakeProjection.cover(YearMonth.of(2025, 11), YearMonth.of(2027, 2)))
                .containsExactly("M2025-11", "M2025-12", "Y2026", "M2027-01", "M2027-02");
        assertThat(UptakeProjection.cover(MARCH, MARCH)).containsExactly("M2026-03");
    }

    private static OnwardReferralMade toDebtClinic(String onward, String day) {
        return toDebtClinic(onward, day, "10:00");
    }

    private static OnwardReferralMade toDebtClinic(String onward, String day, String time) {
        return OnwardReferralMade.toDirectoryService(CASE, new OnwardReferralId(onward), new ServiceId("svc-debt"),
                new OrganisationId("org-advice"), Need.DEBT, OnwardReferralKind.REFERRAL, at(day, time));
    }

    private static OnwardReferralOutcomeRecorded outcome(String onward, OnwardReferralOutcome outcome,
            OutcomeCorrectionReason correction, String day) {
        return new OnwardReferralOutcomeRecorded(CASE, new OnwardReferralId(onward), outcome, correction,
                at(day, "12:00"));
    }

    private static Instant at(String day, String time) {
        return Instant.parse("2026-" + day + "T" + time + ":00Z");
    }

    private static CaseState fold(CaseEvent... events) {
        CaseState state = CaseState.none().next(new ReferralReceived(CASE, ParticipantId.ofNumber(1),
                new SettingId("gp-1"), Set.of(Need.DEBT), Need.DEBT, ReferralRoute.GP, true,
                Instant.parse("2026-03-01T09:00:00Z")), 0).orElseThrow();
        long sequence = 1;
        for (CaseEvent event : events) {
            state = state.next(event, sequence++).orElseThrow();
        }
        return state;
    }
}
