package org.clw.ledger.query.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.DeclineReason;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.clw.ledger.query.directory.DirectoryNames;

/**
 * A case as the API shows it, now or as of a past moment or version: the same state has the same body.
 *
 * @param version  the case aggregate's sequence number of the last event applied
 * @param position the event stream position of that event; -1 only while the read model has not read it yet
 */
record CaseBody(String referralId, long version, long position, String participantId, String settingId,
                List<Need> needs, Need primaryNeed, ReferralRoute route, CaseStatus status, Instant receivedAt,
                Instant acceptedAt, Instant declinedAt, DeclineReason declineReason, String workerId,
                Instant allocatedAt, int allocations, boolean allocatedAboveCapacity,
                List<AppointmentView> appointments, int appointmentsAttended, int appointmentsMissed,
                int appointmentsCancelled, Instant firstAttendedAt, int attendanceCorrections,
                List<OnwardReferralBody> onwardReferrals, List<OutcomeMeasureView> outcomeMeasures,
                List<ClosureView> closures, Instant closedAt, ClosureReason closureReason, int reopenings,
                List<StatusChange> statusHistory, Instant lastChangedAt) {

    /**
     * The body, with the free text about the person opened by the cipher (withheld once they are erased) and the
     * directory services' and organisations' names as the directory has them now.
     */
    static CaseBody of(CaseState c, long position, PersonalDetailsCipher cipher, DirectoryNames directory) {
        return of(c, position, cipher, labelsOf(List.of(c), directory));
    }

    static CaseBody of(CaseSummary summary, PersonalDetailsCipher cipher, DirectoryNames directory) {
        return of(summary.state(), summary.position(), cipher, directory);
    }

    /** A page of cases, the directory's names read once for the whole page rather than per case. */
    static List<CaseBody> page(List<CaseSummary> summaries, PersonalDetailsCipher cipher, DirectoryNames directory) {
        DirectoryNames.Labels labels = labelsOf(summaries.stream().map(CaseSummary::state).toList(), directory);
        return summaries.stream().map(summary -> of(summary.state(), summary.position(), cipher, labels)).toList();
    }

    private static CaseBody of(CaseState c, long position, PersonalDetailsCipher cipher,
            DirectoryNames.Labels labels) {
        return new CaseBody(c.referralId(), c.version(), position, c.participantId(), c.settingId(), c.needs(),
                c.primaryNeed(), c.route(), c.status(), c.receivedAt(), c.acceptedAt(), c.declinedAt(),
                c.declineReason(), c.workerId(), c.allocatedAt(), c.allocations(), c.allocatedAboveCapacity(),
                c.appointments(), c.appointmentsAttended(), c.appointmentsMissed(), c.appointmentsCancelled(),
                c.firstAttendedAt(), c.attendanceCorrections(), onwardReferrals(c, cipher, labels), c.outcomeMeasures(),
                c.closures(), c.closedAt(), c.closureReason(), c.reopenings(), c.statusHistory(), c.lastChangedAt());
    }

    private static DirectoryNames.Labels labelsOf(List<CaseState> cases, DirectoryNames directory) {
        List<OnwardReferralView> onwards = cases.stream().flatMap(c -> c.onwardReferrals().stream()).toList();
        return directory.labels(
                onwards.stream().map(OnwardReferralView::serviceId).filter(Objects::nonNull).toList(),
                onwards.stream().map(OnwardReferralView::serviceOrganisationId).filter(Objects::nonNull).toList());
    }

    private static List<OnwardReferralBody> onwardReferrals(CaseState c, PersonalDetailsCipher cipher,
            DirectoryNames.Labels labels) {
        return c.onwardReferrals().stream().map(onward -> {
            Optional<String> organisation = onward.organisation() == null ? Optional.empty()
                    : cipher.openText(new ParticipantId(c.participantId()), new SealedText(onward.organisation()));
            return new OnwardReferralBody(onward.onwardReferralId(), organisation.orElse(null),
                    onward.organisation() != null && organisation.isEmpty(), onward.need(), onward.kind(),
                    onward.madeAt(), onward.outcome(), onward.outcomeAt(), onward.serviceId(),
                    Optional.ofNullable(labels.services().get(onward.serviceId()))
                            .map(DirectoryNames.ServiceName::name).orElse(null),
                    onward.serviceOrganisationId(), labels.organisations().get(onward.serviceOrganisationId()));
        }).toList();
    }
}
