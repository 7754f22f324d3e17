package org.clw.ledger.standalone.demo;

import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.ReferralId;

/** An onward referral the plan records; the organisation is sealed with the participant's key only when it is sent. */
record DemoOnwardReferral(ParticipantId participantId, ReferralId referralId, OnwardReferralId onwardReferralId,
                          String organisation, Need need, OnwardReferralKind kind) {
}
