package org.clw.ledger.events.directory;

import java.util.Set;
import org.clw.ledger.events.SortedSets;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;

/**
 * What a service offers: the needs it serves, where, and how a links worker connects people to it.
 *
 * @param areas        the HSCPs it serves; empty when it is programme-wide
 * @param programmeWide whether it serves every area of the programme
 * @param linkModes    how people are linked to it: signposted, referred, accompanied
 */
public record ServiceOffer(
        String name,
        String description,
        Set<Need> needs,
        Set<Hscp> areas,
        boolean programmeWide,
        Set<OnwardReferralKind> linkModes) {

    public ServiceOffer {
        needs = SortedSets.copyOf(needs == null ? Set.of() : needs);
        areas = SortedSets.copyOf(areas == null ? Set.of() : areas);
        linkModes = SortedSets.copyOf(linkModes == null ? Set.of() : linkModes);
    }
}
