package org.clw.ledger.events.participant;

import java.time.LocalDate;

/**
 * Everything that identifies a person, and the free-text notes kept about them. It reaches events only as
 * {@link SealedDetails}, encrypted with the participant's own key so that it can be erased; {@link #toString()} never
 * reveals it, so it cannot leak into a log line.
 */
public record PersonalDetails(
        String givenName,
        String familyName,
        ChiNumber chiNumber,
        LocalDate dateOfBirth,
        String postcode,
        String phone,
        String notes) {

    @Override
    public String toString() {
        return "PersonalDetails[redacted]";
    }
}
