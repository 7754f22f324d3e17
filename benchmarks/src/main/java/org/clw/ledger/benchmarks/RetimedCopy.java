package org.clw.ledger.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.common.DateTimeUtils;
import org.clw.ledger.events.ProgrammeCalendar;

/**
 * Copy {@code k} of a programme year's case and participant events, moved {@code k} calendar years later under new
 * ids ({@code ref-…} → {@code ref<k>-…}, {@code P0…} → {@code P<kkk>0…}). Every instant and day in a payload and the
 * recorded time move by the same whole number of days (from the first year's 1 January to the copy year's), counted
 * in the programme's zone: a constant shift keeps every case's history and the store's time order as they were, and
 * keeps local times of day, so the copy year's statistics look like the first year's.
 */
final class RetimedCopy {

    /** A JSON string that is an ISO day, optionally with a time of day in UTC (how Jackson writes an Instant). */
    private static final Pattern TIME = Pattern.compile(
            "\"(\\d{4}-\\d{2}-\\d{2})(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z)?\"");

    private final String referralPrefix;
    private final String participantPrefix;
    private final long days;

    /** @param firstYear the calendar year the original events fall in */
    RetimedCopy(int copy, int firstYear) {
        if (copy < 1 || copy > 999) {
            throw new IllegalArgumentException("copy must be 1 to 999 (participant ids have 9 digits), was " + copy);
        }
        this.referralPrefix = "ref" + copy + "-";
        this.participantPrefix = "P%03d0".formatted(copy);
        this.days = ChronoUnit.DAYS.between(LocalDate.of(firstYear, 1, 1), LocalDate.of(firstYear + copy, 1, 1));
    }

    String aggregateId(String original) {
        return original.replace("ref-", referralPrefix).replace("P0", participantPrefix);
    }

    /** The payload's JSON with its ids renamed and its instants and days shifted. */
    String payload(String json) {
        String renamed = json.replace("\"ref-", "\"" + referralPrefix).replace("\"P0", "\"" + participantPrefix);
        Matcher matcher = TIME.matcher(renamed);
        StringBuilder shifted = new StringBuilder(renamed.length());
        while (matcher.find()) {
            String value = matcher.group(2) == null ? day(LocalDate.parse(matcher.group(1))).toString()
                    : instant(Instant.parse(matcher.group(1) + matcher.group(2))).toString();
            matcher.appendReplacement(shifted, Matcher.quoteReplacement("\"" + value + "\""));
        }
        return matcher.appendTail(shifted).toString();
    }

    /** The recorded time, as Axon's JDBC engine stores it. */
    String timestamp(String stored) {
        return DateTimeUtils.formatInstant(instant(DateTimeUtils.parseInstant(stored)));
    }

    Instant instant(Instant original) {
        return original.atZone(ProgrammeCalendar.ZONE).plusDays(days).toInstant();
    }

    LocalDate day(LocalDate original) {
        return original.plusDays(days);
    }
}
