package org.clw.ledger.events.participant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Free text about a person (a closure summary, the organisation they were referred on to), encrypted with that
 * participant's own key like their {@link SealedDetails}, so erasing them erases it too. Written as one string:
 * {@value #SEALED} followed by the nonce, ciphertext and tag in base64. An event an earlier release stored carries
 * its text as it was, in clear (no prefix): kept as stored, since the event's hash covers it, and treated as the
 * participant's like sealed text (shown only while their key exists).
 */
public record SealedText(@JsonValue String value) {

    public static final String SEALED = "sealed:";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SealedText {
        Objects.requireNonNull(value, "value");
    }

    /** Text sealed by the cipher, from its base64 form. */
    public static SealedText sealed(String base64) {
        return new SealedText(SEALED + base64);
    }

    /** Whether this was sealed; otherwise an earlier release stored it in clear. */
    public boolean isSealed() {
        return value.startsWith(SEALED);
    }

    /** The sealed bytes in base64; only for {@link #isSealed() sealed} text. */
    public String ciphertext() {
        if (!isSealed()) {
            throw new IllegalStateException("Text stored in clear by an earlier release has no ciphertext");
        }
        return value.substring(SEALED.length());
    }

    /** Never the text itself, in case it was stored in clear. */
    @Override
    public String toString() {
        return isSealed() ? "SealedText[sealed]" : "SealedText[stored in clear]";
    }
}
