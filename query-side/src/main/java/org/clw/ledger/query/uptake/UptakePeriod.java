package org.clw.ledger.query.uptake;

import java.time.DateTimeException;
import java.time.YearMonth;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.events.setting.Hscp;

/**
 * What an uptake question asks about: the months {@code from} to {@code to}, both inclusive, and an area (an HSCP,
 * or null for the whole programme).
 */
record UptakePeriod(YearMonth from, YearMonth to, Hscp hscp) {

    /** A month as {@code yyyy-MM}. @throws InvalidParameter naming the parameter */
    static YearMonth month(String parameter, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeException notAMonth) {
            throw new InvalidParameter(parameter, "must be a month, yyyy-MM");
        }
    }
}
