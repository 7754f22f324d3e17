package org.clw.ledger.standalone.demo;

import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.ReferralId;

/**
 * An onward referral the plan records: to a directory service, or (service null) to an organisation outside the
 * directory, whose name is sealed with the participant's key only when it is sent.
 */
record DemoOnwardReferral(ParticipantId participantId, ReferralId referralId, OnwardReferralId onwardReferralId,
                          ServiceId service, String organisation, Need need, OnwardReferralKind kind) {
}
