package org.clw.ledger.command.participant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.clw.ledger.events.participant.ChiNumber;
import org.clw.ledger.events.participant.PersonalDetails;

/** Validation messages here never repeat the value: it is personal data. */
record PersonalDetailsRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        ChiNumber chiNumber,
        @Past LocalDate dateOfBirth,
        @Pattern(regexp = "[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}", message = "must be a UK postcode")
        String postcode,
        @Pattern(regexp = "\\+?[0-9 ]{7,20}", message = "must be a phone number of digits and spaces")
        String phone,
        @Size(max = 2000) String notes) {

    PersonalDetails toValue() {
        return new PersonalDetails(givenName.strip(), familyName.strip(), chiNumber, dateOfBirth,
                postcode == null ? null : postcode.toUpperCase().strip(), phone, notes);
    }
}
