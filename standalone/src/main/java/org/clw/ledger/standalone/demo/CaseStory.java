package org.clw.ledger.standalone.demo;

import static java.util.Map.entry;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clw.ledger.command.referral.AcceptReferral;
import org.clw.ledger.command.referral.AllocateLinksWorker;
import org.clw.ledger.command.referral.BookAppointment;
import org.clw.ledger.command.referral.CancelAppointment;
import org.clw.ledger.command.referral.CloseCase;
import org.clw.ledger.command.referral.CreateReferral;
import org.clw.ledger.command.referral.DeclineReferral;
import org.clw.ledger.command.referral.RecordAttendance;
import org.clw.ledger.command.referral.RecordOnwardReferralOutcome;
import org.clw.ledger.command.referral.RecordOutcomeMeasure;
import org.clw.ledger.command.referral.ReopenCase;
import org.clw.ledger.command.referral.RescheduleAppointment;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMode;
import org.clw.ledger.events.appointment.Attendance;
import org.clw.ledger.events.appointment.CancellationParty;
import org.clw.ledger.events.appointment.CancellationReason;
import org.clw.ledger.events.appointment.CorrectionReason;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.CompletionMode;
import org.clw.ledger.events.referral.DeclineReason;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OutcomeInstrument;
import org.clw.ledger.events.referral.OutcomeTimepoint;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.referral.ReopenReason;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingType;
import org.clw.ledger.events.ProgrammeCalendar;

/**
 * How one referral plays out, as the commands its people send. The proportions follow the programme's reports:
 * about one referral in twenty declined, a third of the rest never engaging (no contact, or missed appointments),
 * engaged people attending about three appointments, about one booked appointment in five missed overall.
 */
final class CaseStory {

    private static final Map<Need, Double> NEEDS = weights(entry(Need.MENTAL_WELLBEING, 24.0),
            entry(Need.FINANCES_BENEFITS, 14.0), entry(Need.LONELINESS_ISOLATION, 12.0), entry(Need.HOUSING, 10.0),
            entry(Need.DEBT, 7.0), entry(Need.FUEL_POVERTY, 5.0), entry(Need.FOOD_INSECURITY, 4.0),
            entry(Need.BEREAVEMENT, 4.0), entry(Need.EMPLOYMENT_SKILLS, 3.0), entry(Need.CARING, 3.0),
            entry(Need.RELATIONSHIPS_FAMILY, 3.0), entry(Need.ADDICTIONS, 3.0), entry(Need.TRAUMA, 2.0),
            entry(Need.ABUSE_VIOLENCE, 2.0), entry(Need.PHYSICAL_HEALTH, 2.0), entry(Need.PHYSICAL_ACTIVITY, 2.0),
            entry(Need.HOMELESSNESS, 1.0), entry(Need.ASYLUM_IMMIGRATION, 1.0), entry(Need.DIGITAL_INCLUSION, 1.0),
            entry(Need.LEGAL, 1.0), entry(Need.OTHER, 1.0));
    private static final Map<ReferralRoute, Double> ROUTES = weights(entry(ReferralRoute.GP, 45.0),
            entry(ReferralRoute.PRACTICE_STAFF, 20.0), entry(ReferralRoute.SELF, 15.0),
            entry(ReferralRoute.THIRD_PARTY, 15.0), entry(ReferralRoute.PROACTIVE, 5.0));
    private static final Map<AppointmentMode, Double> MODES = weights(entry(AppointmentMode.IN_PERSON, 40.0),
            entry(AppointmentMode.PHONE, 30.0), entry(AppointmentMode.HOME_VISIT, 10.0),
            entry(AppointmentMode.COMMUNITY_VENUE, 10.0), entry(AppointmentMode.VIDEO, 5.0),
            entry(AppointmentMode.WALK_AND_TALK, 5.0));
    private static final Map<ClosureReason, Double> ENGAGED_CLOSURES = weights(entry(ClosureReason.GOALS_MET, 55.0),
            entry(ClosureReason.REFERRED_ON, 20.0), entry(ClosureReason.DISENGAGED, 8.0),
            entry(ClosureReason.DECLINED_SUPPORT, 5.0), entry(ClosureReason.MOVED_AWAY, 4.0),
            entry(ClosureReason.TRANSFERRED, 3.0), entry(ClosureReason.INAPPROPRIATE_REFERRAL, 2.0),
            entry(ClosureReason.OTHER, 2.5), entry(ClosureReason.DECEASED, 0.5));
    private static final Map<DeclineReason, Double> DECLINES = weights(entry(DeclineReason.SUPPORT_NOT_WANTED, 35.0),
            entry(DeclineReason.BETTER_MET_ELSEWHERE, 25.0), entry(DeclineReason.OUT_OF_AREA, 15.0),
            entry(DeclineReason.DUPLICATE, 10.0), entry(DeclineReason.NOT_ELIGIBLE, 10.0),
            entry(DeclineReason.OTHER, 5.0));
    private static final Map<OutcomeInstrument, Double> INSTRUMENTS = weights(entry(OutcomeInstrument.SWEMWBS, 70.0),
            entry(OutcomeInstrument.WEMWBS, 20.0), entry(OutcomeInstrument.ONS4, 10.0));
    private static final Map<Need, String> ORGANISATIONS = Map.ofEntries(
            entry(Need.DEBT, "Citizens Advice"), entry(Need.FINANCES_BENEFITS, "Welfare Rights Service"),
            entry(Need.HOUSING, "Housing Options"), entry(Need.HOMELESSNESS, "Homelessness Casework Team"),
            entry(Need.MENTAL_WELLBEING, "Community Wellbeing Service"),
            entry(Need.LONELINESS_ISOLATION, "Community Befriending Project"),
            entry(Need.FUEL_POVERTY, "Home Energy Advice"), entry(Need.FOOD_INSECURITY, "Community Pantry"),
            entry(Need.EMPLOYMENT_SKILLS, "Employability Hub"),
            entry(Need.ADDICTIONS, "Alcohol and Drug Recovery Service"), entry(Need.CARING, "Carers Centre"),
            entry(Need.BEREAVEMENT, "Bereavement Support Group"), entry(Need.PHYSICAL_ACTIVITY, "Walking Group"));

    private final Dice dice;
    private final DemoProgramme programme;
    private final DemoDirectory directory;
    private final Instant yearEnd;
    private final ReferralId id;
    private final List<Step> steps = new ArrayList<>();
    private int appointments;
    private int onwardReferrals;
    private ParticipantId participant;

    private CaseStory(Dice dice, DemoProgramme programme, DemoDirectory directory, Instant yearEnd, int number) {
        this.dice = dice;
        this.programme = programme;
        this.directory = directory;
        this.yearEnd = yearEnd;
        this.id = new ReferralId("ref-%06d".formatted(number));
    }

    /** The referral's commands in time order, those after the end of the demo year left out. */
    static List<Step> plan(Dice dice, DemoProgramme programme, DemoDirectory directory, Instant yearEnd, int number,
            Instant receivedAt, DemoSetting setting, ParticipantId participant, DemoRegistration registration) {
        CaseStory story = new CaseStory(dice, programme, directory, yearEnd, number);
        if (registration != null) {
            story.add(receivedAt.minus(Duration.ofMinutes(10)),
                    programme.leastLoadedWorker(setting.id(), receivedAt).id.value(), "LINKS_WORKER", registration);
        }
        story.play(receivedAt, setting, participant);
        story.steps.sort(Comparator.comparing(Step::at));
        story.steps.removeIf(step -> step.at().isAfter(yearEnd));
        return story.steps;
    }

    private void play(Instant receivedAt, DemoSetting setting, ParticipantId participant) {
        this.participant = participant;
        String referrer = programme.leastLoadedWorker(setting.id(), receivedAt).id.value();
        String manager = "manager-" + setting.hscp().name().toLowerCase().replace('_', '-');
        Set<Need> needs = needs(setting.type(), setting.id().value());
        Need primary = needs.iterator().next();
        add(receivedAt, referrer, "LINKS_WORKER", new CreateReferral(id, participant, setting.id(), needs, primary,
                dice.weighted(ROUTES), true, receivedAt));
        Instant decided = workingTime(receivedAt, 0, 2);
        if (dice.chance(0.05)) {
            add(decided, manager, "SERVICE_MANAGER", new DeclineReferral(id, dice.weighted(DECLINES)));
            return;
        }
        add(decided, manager, "SERVICE_MANAGER", new AcceptReferral(id));
        Instant allocated = decided.plus(Duration.ofMinutes(dice.between(30, 240)));
        DemoWorker worker = programme.leastLoadedWorker(setting.id(), allocated);
        add(allocated, manager, "SERVICE_MANAGER", new AllocateLinksWorker(id, worker.id, true));
        String lw = worker.id.value();

        boolean engaged = !dice.chance(0.33);
        Instant cursor = allocated;
        OutcomeInstrument instrument = null;
        int attended = 0;
        if (engaged) {
            int target = dice.geometric(1, 3.0);
            int missed = 0;
            while (attended < target && missed < 3) {
                Visit visit = appointment(lw, cursor, dice.chance(0.12) ? Attendance.MISSED : Attendance.ATTENDED);
                cursor = visit.doneAt;
                if (visit.attendance == Attendance.ATTENDED) {
                    attended++;
                    if (attended == 1 && dice.chance(0.45)) {
                        instrument = dice.weighted(INSTRUMENTS);
                        add(cursor.plusSeconds(300), lw, "LINKS_WORKER", measure(instrument, OutcomeTimepoint.BASELINE));
                    }
                    if (attended <= 2 && onwardReferrals < 2 && dice.chance(0.35)) {
                        onwardReferral(lw, cursor.plusSeconds(600), setting.hscp(), primary, needs);
                    }
                } else if (visit.attendance == Attendance.MISSED) {
                    missed++;
                }
            }
        } else if (dice.chance(0.5)) {
            int attempts = dice.between(1, 2);
            for (int i = 0; i < attempts; i++) {
                cursor = appointment(lw, cursor, Attendance.MISSED).doneAt;
            }
        }
        Instant closed = engaged || appointments > 0
                ? workingTime(cursor, 3, 10) : workingTime(cursor, 14, 28);
        if (instrument != null && dice.chance(0.65)) {
            add(closed.minusSeconds(3_600), lw, "LINKS_WORKER", measure(instrument, OutcomeTimepoint.CLOSURE));
        }
        ClosureReason reason = attended > 0 ? dice.weighted(ENGAGED_CLOSURES)
                : dice.chance(0.7) ? ClosureReason.NO_CONTACT_AFTER_ATTEMPTS : ClosureReason.DISENGAGED;
        add(closed, lw, "LINKS_WORKER", new CloseCase(id, reason, null));
        if (attended > 0 && dice.chance(0.02)) {
            Instant reopened = workingTime(closed, 20, 60);
            add(reopened, manager, "SERVICE_MANAGER", new ReopenCase(id,
                    dice.chance(0.5) ? ReopenReason.NEW_NEED : ReopenReason.PARTICIPANT_RETURNED));
            cursor = reopened;
            for (int i = dice.between(1, 2); i > 0; i--) {
                cursor = appointment(lw, cursor, Attendance.ATTENDED).doneAt;
            }
            closed = workingTime(cursor, 3, 10);
            add(closed, lw, "LINKS_WORKER", new CloseCase(id, ClosureReason.GOALS_MET, null));
        }
        worker.take(closed.isAfter(yearEnd) ? Instant.MAX : closed);
    }

    private record Visit(Instant doneAt, Attendance attendance) {
    }

    /** Books one appointment and plays it out; a cancelled appointment has no attendance. */
    private Visit appointment(String lw, Instant from, Attendance outcome) {
        AppointmentId appointment = new AppointmentId("a" + ++appointments);
        Instant booked = from.plus(Duration.ofMinutes(dice.between(10, 60)));
        Instant start = workingTime(booked, 3, 14);
        int minutes = dice.pick(List.of(30, 45, 60));
        add(booked, lw, "LINKS_WORKER", new BookAppointment(id, appointment, start, minutes,
                dice.weighted(MODES)));
        if (dice.chance(0.05)) {
            Instant moved = workingTime(start, 1, 3);
            add(start.minus(Duration.ofDays(1)).isAfter(booked) ? start.minus(Duration.ofDays(1)) : booked.plusSeconds(60),
                    lw, "LINKS_WORKER", new RescheduleAppointment(id, appointment, moved, null));
            start = moved;
        }
        if (dice.chance(0.04)) {
            Instant cancelled = start.minus(Duration.ofHours(dice.between(2, 30)));
            cancelled = cancelled.isAfter(booked) ? cancelled : booked.plusSeconds(120);
            add(cancelled, lw, "LINKS_WORKER", new CancelAppointment(id, appointment, CancellationParty.PARTICIPANT,
                    dice.chance(0.5) ? CancellationReason.PARTICIPANT_UNWELL : CancellationReason.PARTICIPANT_REQUEST));
            return new Visit(start, null);
        }
        Instant recorded = start.plus(Duration.ofMinutes(minutes + dice.between(10, 240)));
        add(recorded, lw, "LINKS_WORKER", new RecordAttendance(id, appointment, outcome, null));
        if (dice.chance(0.01)) {
            Attendance corrected = outcome == Attendance.ATTENDED ? Attendance.MISSED : Attendance.ATTENDED;
            recorded = recorded.plus(Duration.ofMinutes(dice.between(20, 90)));
            add(recorded, lw, "LINKS_WORKER", new RecordAttendance(id, appointment, corrected,
                    CorrectionReason.RECORDED_IN_ERROR));
            outcome = corrected;
        }
        return new Visit(recorded, outcome);
    }

    /** To a directory service for the need in the setting's area when one fits, else to something outside it. */
    private void onwardReferral(String lw, Instant at, Hscp area, Need primary, Set<Need> needs) {
        Need need = dice.chance(0.7) ? primary : dice.pick(List.copyOf(needs));
        OnwardReferralId onward = new OnwardReferralId("o" + ++onwardReferrals);
        OnwardReferralKind kind = dice.weighted(weights(entry(OnwardReferralKind.SIGNPOST, 40.0),
                entry(OnwardReferralKind.REFERRAL, 45.0), entry(OnwardReferralKind.ACCOMPANIED, 15.0)));
        add(at, lw, "LINKS_WORKER", directory.serviceFor(need, area, kind, at)
                .map(choice -> new DemoOnwardReferral(participant, id, onward, choice.service(), null, need,
                        choice.kind()))
                .orElseGet(() -> new DemoOnwardReferral(participant, id, onward, null,
                        ORGANISATIONS.getOrDefault(need, "Community Hub"), need, kind)));
        add(workingTime(at, 14, 30), lw, "LINKS_WORKER", new RecordOnwardReferralOutcome(id, onward,
                dice.chance(0.6) ? OnwardReferralOutcome.TAKEN_UP : OnwardReferralOutcome.NOT_TAKEN_UP, null));
    }

    /** Answers around a low baseline; closure answers a little higher, as the programme's evaluations report. */
    private RecordOutcomeMeasure measure(OutcomeInstrument instrument, OutcomeTimepoint timepoint) {
        boolean closing = timepoint == OutcomeTimepoint.CLOSURE;
        List<Integer> answers = new ArrayList<>();
        for (int item = 0; item < instrument.items(); item++) {
            answers.add(instrument == OutcomeInstrument.ONS4
                    ? Math.min(10, dice.between(2, 6) + (closing ? dice.between(0, 3) : 0))
                    : Math.min(5, dice.between(1, 4) + (closing && dice.chance(0.45) ? 1 : 0)));
        }
        return new RecordOutcomeMeasure(id, instrument, timepoint, answers,
                dice.chance(0.6) ? CompletionMode.SELF : CompletionMode.ASSISTED);
    }

    private Set<Need> needs(SettingType type, String settingId) {
        Set<Need> needs = new LinkedHashSet<>();
        switch (type) {
            case FOODBANK -> needs.add(dice.chance(0.6) ? Need.FOOD_INSECURITY : Need.FINANCES_BENEFITS);
            case OUTREACH -> needs.add(Need.FUEL_POVERTY);
            case THEMATIC_SERVICE -> needs.add(settingId.contains("asylum") ? Need.ASYLUM_IMMIGRATION
                    : dice.chance(0.7) ? Need.HOMELESSNESS : Need.HOUSING);
            case GP_PRACTICE -> {
            }
        }
        int count = dice.chance(0.45) ? 1 : dice.chance(0.7) ? 2 : 3;
        while (needs.size() < count) {
            needs.add(dice.weighted(NEEDS));
        }
        return needs;
    }

    /** A weekday time between 09:00 and 16:30, some days after {@code from} but never before it. */
    Instant workingTime(Instant from, int minDays, int maxDays) {
        ZonedDateTime local = from.atZone(ProgrammeCalendar.ZONE);
        LocalDate day = local.toLocalDate().plusDays(dice.between(minDays, maxDays));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        Instant at = day.atTime(LocalTime.of(9, 0).plusMinutes(15L * dice.between(0, 30))).atZone(ProgrammeCalendar.ZONE).toInstant();
        return at.isAfter(from) ? at : from.plus(Duration.ofMinutes(dice.between(15, 90)));
    }

    private void add(Instant at, String actor, String role, Object command) {
        steps.add(new Step(at, actor, role, command, "demo-" + id.value()));
    }

    @SafeVarargs
    private static <T> Map<T, Double> weights(Map.Entry<T, Double>... entries) {
        Map<T, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<T, Double> weight : entries) {
            weights.put(weight.getKey(), weight.getValue());
        }
        return weights;
    }
}
