package org.clw.ledger.events.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.SealedText;

/**
 * The person was signposted, referred or accompanied to a community service. Either it names a service of the
 * community directory ({@code service} and the organisation offering it, {@code serviceOrganisation}: not personal,
 * so in clear), or, for something not in the directory, it carries the free text the links worker wrote,
 * {@code organisation}, sealed under the participant's key, since where someone was sent can say much about them.
 * <p>
 * Revision 2 sealed the free text (revision 1 held it in clear: {@link SealedFreeTextUpcaster}); revision 3 added the
 * directory service ({@link DirectoryServiceUpcaster}). Absent fields are not written, so an event without a
 * directory service is written, read and hashed exactly as revision 2 was.
 */
@Revision("3")
public record OnwardReferralMade(
        ReferralId referralId,
        OnwardReferralId onwardReferralId,
        @JsonInclude(JsonInclude.Include.NON_NULL) SealedText organisation,
        Need need,
        OnwardReferralKind kind,
        Instant occurredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) ServiceId service,
        @JsonInclude(JsonInclude.Include.NON_NULL) OrganisationId serviceOrganisation)
        implements CaseEvent {

    public OnwardReferralMade {
        if ((service == null) != (serviceOrganisation == null)) {
            throw new IllegalArgumentException("A directory service comes with the organisation offering it");
        }
        if ((service == null) == (organisation == null)) {
            throw new IllegalArgumentException("An onward referral names either a directory service or, outside the"
                    + " directory, the organisation in sealed free text");
        }
    }

    /** An onward referral to a service of the community directory. */
    public static OnwardReferralMade toDirectoryService(ReferralId referralId, OnwardReferralId onwardReferralId,
            ServiceId service, OrganisationId serviceOrganisation, Need need, OnwardReferralKind kind,
            Instant occurredAt) {
        return new OnwardReferralMade(referralId, onwardReferralId, null, need, kind, occurredAt, service,
                serviceOrganisation);
    }

    /** An onward referral to something not in the directory, its free text sealed under the participant's key. */
    public static OnwardReferralMade outsideDirectory(ReferralId referralId, OnwardReferralId onwardReferralId,
            SealedText organisation, Need need, OnwardReferralKind kind, Instant occurredAt) {
        return new OnwardReferralMade(referralId, onwardReferralId, organisation, need, kind, occurredAt, null, null);
    }

    /** Whether it names a service of the community directory rather than free text. */
    public boolean inDirectory() {
        return service != null;
    }
}
