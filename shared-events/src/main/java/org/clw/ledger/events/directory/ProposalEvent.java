package org.clw.ledger.events.directory;

import org.clw.ledger.events.LedgerEvent;

/**
 * An event in the life of a proposed directory entry: proposed, then accepted or declined. Who proposed, accepted or
 * declined is in the audit metadata, as for every event; nothing here names the person whose referral prompted it.
 */
public sealed interface ProposalEvent extends LedgerEvent
        permits EntryProposed, ProposalAccepted, ProposalDeclined {

    ProposalId proposalId();
}
