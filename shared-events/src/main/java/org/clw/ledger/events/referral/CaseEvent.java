package org.clw.ledger.events.referral;

import org.clw.ledger.events.LedgerEvent;

/** An event in the life of one case; the referral id is the case's aggregate id. */
public interface CaseEvent extends LedgerEvent {

    ReferralId referralId();
}
