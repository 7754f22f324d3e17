package org.clw.ledger.events.participant;

import org.clw.ledger.events.LedgerEvent;

/**
 * An event in the life of a participant (the person). Sealed: a fold over the family learns of a new member from the
 * compiler, or from its test.
 */
public sealed interface ParticipantEvent extends LedgerEvent
        permits ParticipantDetailsChanged, ParticipantErased, ParticipantRegistered {

    ParticipantId participantId();
}
