package org.clw.ledger.privacy;

import java.util.Optional;
import javax.crypto.SecretKey;
import org.clw.ledger.events.participant.ParticipantId;

/**
 * One AES-256 key per participant, which erasure destroys. The embedded implementation keeps keys in MongoDB
 * ({@code clw.privacy.key-store=mongo}, the default). This interface is the seam for a KMS or Vault: set
 * {@code clw.privacy.key-store} to another value and declare a bean that keeps data keys there, or wraps them with a
 * key that never leaves it.
 */
public interface ParticipantKeys {

    /**
     * The participant's key, made on first use.
     *
     * @throws KeyDestroyed when the participant has been erased: no new key is ever made for them
     */
    SecretKey keyFor(ParticipantId participantId);

    /** The participant's key; empty when there never was one or it has been destroyed. */
    Optional<SecretKey> existingKey(ParticipantId participantId);

    /** Destroys the key for good, leaving a record that it was destroyed. Destroying it again changes nothing. */
    void destroy(ParticipantId participantId);

    /** The participant has been erased, so nothing can be sealed for them. */
    final class KeyDestroyed extends RuntimeException {

        public KeyDestroyed(ParticipantId participantId) {
            super("The key of participant " + participantId + " has been destroyed");
        }
    }
}
