package org.clw.ledger.events.participant;

import java.util.Objects;

/**
 * A participant's {@link PersonalDetails}, encrypted with that participant's own key (AES-256-GCM, the participant id
 * as associated data) before they reach the event store or any read model. Destroying the key erases every copy at
 * once, the event store's included, while the events themselves, and the hash chain over them, stay intact.
 *
 * @param ciphertext  the nonce followed by the ciphertext and its authentication tag, in base64
 * @param fingerprint an HMAC of the details under the same key, in base64: equal details give equal fingerprints, so
 *                    a repeated registration is recognised without decrypting anything
 */
public record SealedDetails(String ciphertext, String fingerprint) {

    public SealedDetails {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Whether both seal the same details (each sealing draws a fresh nonce, so ciphertexts differ). */
    public boolean sameDetailsAs(SealedDetails other) {
        return other != null && fingerprint.equals(other.fingerprint);
    }
}
