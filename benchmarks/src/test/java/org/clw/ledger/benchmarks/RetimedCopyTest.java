package org.clw.ledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.clw.ledger.events.ProgrammeCalendar;
import org.junit.jupiter.api.Test;

class RetimedCopyTest {

    @Test
    void aCopyTakesNewIdsAndMovesEveryInstantAndDayByTheDaysBetweenTheTwoNewYearsDays() {
        RetimedCopy copy = new RetimedCopy(2, 2015);

        String payload = copy.payload("""
                {"referralId":"ref-000042","participantId":"P000091","receivedOn":"2015-03-02",\
                "start":"2015-03-02T10:30:00Z","occurredAt":"2015-03-02T09:15:30.250Z","score":"2015"}""");

        // 2015-01-01 to 2017-01-01: 731 days (2016 is a leap year).
        assertThat(payload).isEqualTo("""
                {"referralId":"ref2-000042","participantId":"P002000091","receivedOn":"2017-03-02",\
                "start":"2017-03-02T10:30:00Z","occurredAt":"2017-03-02T09:15:30.250Z","score":"2015"}""");
        assertThat(copy.aggregateId("ref-000042")).isEqualTo("ref2-000042");
        assertThat(copy.aggregateId("P000091")).isEqualTo("P002000091");
    }

    @Test
    void theFirstYearsNewYearsDayBecomesTheCopyYearsAndLocalTimesOfDayAreKeptAcrossSummerTime() {
        RetimedCopy copy = new RetimedCopy(1, 2016);

        assertThat(copy.day(LocalDate.of(2016, 1, 1))).isEqualTo(LocalDate.of(2017, 1, 1));
        // 09:00 in Glasgow on a summer day (BST) stays 09:00 in Glasgow on the copy's summer day.
        Instant summerMorning = Instant.parse("2016-07-01T08:00:00Z");
        Instant moved = copy.instant(summerMorning);
        assertThat(moved.atZone(ProgrammeCalendar.ZONE).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(ProgrammeCalendar.dayOf(moved)).isEqualTo(ProgrammeCalendar.dayOf(summerMorning).plusDays(366));
    }

    @Test
    void aCaseHistoryKeepsItsOrderAndSpacing() {
        RetimedCopy copy = new RetimedCopy(3, 2016);
        List<Instant> history = List.of(Instant.parse("2016-03-26T23:30:00Z"), Instant.parse("2016-03-27T08:00:00Z"),
                Instant.parse("2016-10-30T00:30:00Z"), Instant.parse("2016-12-31T16:00:00Z"));

        List<Instant> moved = history.stream().map(copy::instant).toList();

        assertThat(moved).isSorted();
        assertThat(moved.get(0)).isAfter(Instant.parse("2019-01-01T00:00:00Z"));
    }

    @Test
    void theRecordedTimeIsWrittenAsAxonStoresIt() {
        assertThat(new RetimedCopy(1, 2017).timestamp("2017-05-04T12:00:00.125Z"))
                .isEqualTo("2018-05-04T12:00:00.125Z");
    }

    @Test
    void participantIdsLeaveRoomForAtMost999Copies() {
        assertThatThrownBy(() -> new RetimedCopy(1000, 2016)).isInstanceOf(IllegalArgumentException.class);
    }
}
