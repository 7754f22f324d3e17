package org.clw.ledger.query.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clw.ledger.events.directory.ProposalDeclineReason;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;
import org.springframework.data.annotation.Id;

/**
 * A proposed directory entry as stored, the {@code directory_proposals} collection: what was proposed, by which
 * login, and what became of it. Organisational data only.
 */
class ProposalDocument {

    static final String COLLECTION = "directory_proposals";

    @Id
    String proposalId;
    long version = -1;
    long position = -1;
    String organisationName;
    String serviceName;
    String description;
    List<Need> needs = new ArrayList<>();
    List<Hscp> areas = new ArrayList<>();
    boolean programmeWide;
    List<OnwardReferralKind> linkModes = new ArrayList<>();
    ProposalState state;
    /** The login that proposed it, so that whoever proposed sees their own. */
    String proposedBy;
    Instant proposedAt;
    Instant decidedAt;
    /** The directory service added for it, once accepted. */
    String serviceId;
    ProposalDeclineReason declineReason;

    static ProposalDocument of(String proposalId) {
        ProposalDocument proposal = new ProposalDocument();
        proposal.proposalId = proposalId;
        return proposal;
    }
}
