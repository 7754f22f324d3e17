package org.clw.ledger.events.participant;

import java.time.LocalDate;

/**
 * Everything that identifies a person. It lives only on participant events so that it can be encrypted per
 * participant and erased; {@link #toString()} never reveals it, so it cannot leak into a log line.
 */
public record PersonalDetails(
        String givenName,
        String familyName,
        ChiNumber chiNumber,
        LocalDate dateOfBirth,
        String postcode,
        String phone) {

    @Override
    public String toString() {
        return "PersonalDetails[redacted]";
    }
}
