package org.clw.ledger.events.participant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A Community Health Index number: ten digits, DDMMYY then four more, the last a check digit.
 * Valid when the first six digits are a real date (in either century) and the check digit passes the
 * modulus-11 rule or the modulus-10 rule (numbers issued from February 2026 may pass only the second).
 * Neither the sex nor the century is derived from it. It is personal data: {@link #toString()} hides it.
 */
public record ChiNumber(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ChiNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    "CHI number must be 10 digits starting with a real date (DDMMYY) and with a valid check digit");
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || !candidate.matches("\\d{10}")) {
            return false;
        }
        int[] digits = candidate.chars().map(c -> c - '0').toArray();
        return hasRealDate(digits) && (passesModulus11(digits) || passesModulus10(digits));
    }

    private static boolean hasRealDate(int[] d) {
        int day = d[0] * 10 + d[1];
        int month = d[2] * 10 + d[3];
        int year = d[4] * 10 + d[5];
        return isDate(1900 + year, month, day) || isDate(2000 + year, month, day);
    }

    private static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException notADate) {
            return false;
        }
    }

    static boolean passesModulus11(int[] d) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += d[i] * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == d[9];
    }

    static boolean passesModulus10(int[] d) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = d[i];
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10 == d[9];
    }

    @Override
    public String toString() {
        return "ChiNumber[redacted]";
    }
}
