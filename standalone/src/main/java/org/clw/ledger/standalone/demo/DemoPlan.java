package org.clw.ledger.standalone.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.ProgrammeCalendar;

/**
 * The whole demo programme as commands: the registries first, then every referral's story. A seed and an end day
 * fix it completely.
 */
final class DemoPlan {

    final DemoProgramme programme;
    final DemoDirectory directory;
    final List<Step> registry;
    final List<List<Step>> cases = new ArrayList<>();
    int participants;

    DemoPlan(long seed, int referrals, LocalDate lastDay) {
        Dice dice = new Dice(seed);
        Instant yearEnd = ProgrammeCalendar.startOf(lastDay.plusDays(1));
        Instant yearStart = ProgrammeCalendar.startOf(lastDay.minusYears(1).plusDays(1));
        programme = new DemoProgramme(dice, yearStart, yearEnd);
        Instant registered = yearStart.minusSeconds(30L * 86_400);
        directory = new DemoDirectory(seed, registered.plusSeconds(7_200),
                yearStart.plusSeconds((yearEnd.getEpochSecond() - yearStart.getEpochSecond()) / 2));
        registry = new ArrayList<>(programme.steps);
        registry.addAll(directory.steps);
        registry.sort(java.util.Comparator.comparing(Step::at));
        List<Instant> arrivals = arrivals(dice, referrals, yearStart, yearEnd);
        List<ParticipantId> known = new ArrayList<>();
        var weights = programme.referralWeights();
        for (int number = 1; number <= arrivals.size(); number++) {
            Instant receivedAt = arrivals.get(number - 1);
            DemoSetting setting = dice.weighted(weights);
            ParticipantId participant;
            DemoRegistration registration = null;
            if (!known.isEmpty() && dice.chance(0.12)) {
                participant = dice.pick(known);
            } else {
                participant = ParticipantId.ofNumber(++participants);
                known.add(participant);
                DemoPeople.Person person = DemoPeople.next(dice, lastDay);
                registration = new DemoRegistration(participant, person.details(), person.demographics());
            }
            cases.add(CaseStory.plan(dice, programme, directory, yearEnd, number, receivedAt, setting, participant,
                    registration));
        }
    }

    int commands() {
        return registry.size() + cases.stream().mapToInt(List::size).sum();
    }

    /** Referral times on weekdays in office hours, in order, spread evenly over the year. */
    private static List<Instant> arrivals(Dice dice, int referrals, Instant yearStart, Instant yearEnd) {
        List<LocalDate> weekdays = new ArrayList<>();
        for (LocalDate day = ProgrammeCalendar.dayOf(yearStart); day.isBefore(ProgrammeCalendar.dayOf(yearEnd));
                day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays.add(day);
            }
        }
        List<Instant> arrivals = new ArrayList<>(referrals);
        for (int i = 0; i < referrals; i++) {
            LocalDate day = weekdays.get((int) ((long) i * weekdays.size() / referrals));
            arrivals.add(day.atTime(LocalTime.of(9, 0).plusSeconds(dice.between(0, 8 * 3_600 - 1)))
                    .atZone(ProgrammeCalendar.ZONE).toInstant());
        }
        arrivals.sort(null);
        return arrivals;
    }
}
