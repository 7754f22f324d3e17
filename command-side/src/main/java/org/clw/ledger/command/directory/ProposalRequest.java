package org.clw.ledger.command.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.clw.ledger.events.directory.ProposalId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;

/**
 * A proposed directory entry: organisational data only, never the person whose referral prompted it. Lengths and the
 * rule "areas or programme-wide" are the aggregate's ({@link DirectoryRules}).
 *
 * @param proposalId optional: the server chooses one when absent
 */
record ProposalRequest(
        ProposalId proposalId,
        @NotNull String organisationName,
        @NotNull String serviceName,
        String description,
        @NotNull @Size(max = 30) Set<@NotNull Need> needs,
        @Size(max = 20) Set<@NotNull Hscp> areas,
        boolean programmeWide,
        @NotNull @Size(max = 5) Set<@NotNull OnwardReferralKind> linkModes) {

    ServiceOffer offer() {
        return new ServiceOffer(serviceName, description, needs, areas, programmeWide, linkModes);
    }
}
