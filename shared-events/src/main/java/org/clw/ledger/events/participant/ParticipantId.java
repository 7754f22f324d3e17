package org.clw.ledger.events.participant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.clw.ledger.events.IdFormat;

/** The pseudonymous programme id of a person, such as {@code P000123}: never their name or CHI number. */
public record ParticipantId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("P\\d{6,9}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ParticipantId {
        IdFormat.require(value, "participant id", FORMAT, "'P' followed by 6 to 9 digits");
    }

    public static ParticipantId ofNumber(long number) {
        return new ParticipantId(String.format("P%06d", number));
    }

    @Override
    public String toString() {
        return value;
    }
}
