package org.clw.ledger.standalone.demo;

import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.PersonalDetails;

/** A participant the plan registers; their details are sealed with their own key only when it is sent. */
record DemoRegistration(ParticipantId participantId, PersonalDetails details, Demographics demographics) {
}
