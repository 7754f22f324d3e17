package org.clw.ledger.query.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.clw.ledger.events.directory.ProposalDeclineReason;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;

/** A proposed directory entry as the API shows it; {@code serviceId} once accepted, {@code declineReason} once declined. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProposalBody(String proposalId, String organisationName, String serviceName, String description,
                    List<Need> needs, List<Hscp> areas, boolean programmeWide, List<OnwardReferralKind> linkModes,
                    ProposalState state, String proposedBy, Instant proposedAt, Instant decidedAt, String serviceId,
                    ProposalDeclineReason declineReason, long version) {

    static ProposalBody of(ProposalDocument document) {
        return new ProposalBody(document.proposalId, document.organisationName, document.serviceName,
                document.description, document.needs, document.areas, document.programmeWide, document.linkModes,
                document.state, document.proposedBy, document.proposedAt, document.decidedAt, document.serviceId,
                document.declineReason, document.version);
    }
}
