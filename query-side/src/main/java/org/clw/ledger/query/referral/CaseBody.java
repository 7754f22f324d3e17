package org.clw.ledger.query.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        return new CaseBody(c.referralId(), c.version(), position, c.participantId(), c.settingId(), c.needs(),
                c.primaryNeed(), c.route(), c.status(), c.receivedAt(), c.acceptedAt(), c.declinedAt(),
                c.declineReason(), c.workerId(), c.allocatedAt(), c.allocations(), c.allocatedAboveCapacity(),
                c.appointments(), c.appointmentsAttended(), c.appointmentsMissed(), c.appointmentsCancelled(),
                c.firstAttendedAt(), c.attendanceCorrections(), onwardReferrals(c, cipher, directory), c.outcomeMeasures(),
                c.closures(), c.closedAt(), c.closureReason(), c.reopenings(), c.statusHistory(), c.lastChangedAt());
    }

    static CaseBody of(CaseSummary summary, PersonalDetailsCipher cipher, DirectoryNames directory) {
        return of(summary.state(), summary.position(), cipher, directory);
    }

    private static List<OnwardReferralBody> onwardReferrals(CaseState c, PersonalDetailsCipher cipher,
            DirectoryNames directory) {
        List<OnwardReferralView> onwards = c.onwardReferrals();
        Map<String, DirectoryNames.ServiceName> services = directory.services(onwards.stream()
                .map(OnwardReferralView::serviceId).filter(Objects::nonNull).toList());
        Map<String, String> organisations = directory.organisations(onwards.stream()
                .map(OnwardReferralView::serviceOrganisationId).filter(Objects::nonNull).toList());
        return onwards.stream().map(onward -> {
            Optional<String> organisation = onward.organisation() == null ? Optional.empty()
                    : cipher.openText(new ParticipantId(c.participantId()), new SealedText(onward.organisation()));
            return new OnwardReferralBody(onward.onwardReferralId(), organisation.orElse(null),
                    onward.organisation() != null && organisation.isEmpty(), onward.need(), onward.kind(),
                    onward.madeAt(), onward.outcome(), onward.outcomeAt(), onward.serviceId(),
                    Optional.ofNullable(services.get(onward.serviceId())).map(DirectoryNames.ServiceName::name)
                            .orElse(null),
                    onward.serviceOrganisationId(), organisations.get(onward.serviceOrganisationId()));
        }).toList();
    }
}
