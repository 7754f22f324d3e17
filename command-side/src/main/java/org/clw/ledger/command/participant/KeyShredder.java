package org.clw.ledger.command.participant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.clw.ledger.events.participant.ParticipantErased;
import org.clw.ledger.privacy.ParticipantKeys;
import org.springframework.stereotype.Component;

/**
 * Destroys an erased participant's key. In the subscribing {@code registry} group, so it runs inside the erasure
 * command: if the key cannot be destroyed, the command fails and can simply be sent again.
 */
@Component
@ProcessingGroup("registry")
class KeyShredder {

    private final ParticipantKeys keys;

    KeyShredder(ParticipantKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(ParticipantErased event) {
        keys.destroy(event.participantId());
    }
}
