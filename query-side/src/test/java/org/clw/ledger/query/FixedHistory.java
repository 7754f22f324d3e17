package org.clw.ledger.query;

import static org.clw.ledger.query.InMemoryEvents.append;

import java.time.Instant;
import java.util.ArrayList;
import org.axonframework.eventhandling.DomainEventMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.appointment.*;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.linksworker.*;
import org.clw.ledger.events.participant.*;
import org.clw.ledger.events.referral.*;
import org.clw.ledger.events.setting.*;

/**
 * A small programme in March 2026 that uses every event type. The expected read models, worked out by hand:
 * <pre>
 * case  setting route          primary need        story                                            ends
 * C1    gp-1    GP             DEBT                A1 attended, A2 missed then corrected, A3        CLOSED (3 attended)
 *                                                  attended, A4 future cancelled by closure; two
 *                                                  onward referrals (taken up / not); WEMWBS 40->48
 * C2    gp-1    SELF           LONELINESS_ISOLATION declined                                        DECLINED
 * C3    fb-1    THIRD_PARTY    FOOD_INSECURITY     B1 missed, B2 rescheduled then cancelled         ALLOCATED (W1)
 * C4    gp-1    GP             HOUSING             allocated W2, reallocated W1 over capacity; E1   ALLOCATED (W1)
 *                                                  booked for 7 April
 * C5    gp-1    PRACTICE_STAFF MENTAL_WELLBEING    only received                                    RECEIVED
 * C6    gp-1    PROACTIVE      BEREAVEMENT         D1 attended, closed (1 attended), reopened       ACTIVE (W2)
 * </pre>
 */
public final class FixedHistory {

    public static final String GP = "gp-1";
    public static final String FOODBANK = "fb-1";
    public static final String W1 = "lw-1";
    public static final String W2 = "lw-2";

    private FixedHistory() {
    }

    public static void publish(EventStore store) {
        events().forEach(store::publish);
    }

    /** The history in the order it is stored. */
    public static List<DomainEventMessage<?>> events() {
        List<DomainEventMessage<?>> store = new ArrayList<>();
        SettingId gp = new SettingId(GP);
        SettingId foodbank = new SettingId(FOODBANK);
        LinksWorkerId w1 = new LinksWorkerId(W1);
        LinksWorkerId w2 = new LinksWorkerId(W2);
        append(store, "Setting", GP, 0, new SettingRegistered(gp, "Parkhead Health Centre", SettingType.GP_PRACTICE,
                Hscp.GLASGOW_CITY, "46110", true, at("02-01T09:00")));
        append(store, "Setting", FOODBANK, 0, new SettingRegistered(foodbank, "Clydebank Foodbank",
                SettingType.FOODBANK, Hscp.WEST_DUNBARTONSHIRE, null, false, at("02-01T09:00")));
        append(store, "LinksWorker", W1, 0,
                new LinksWorkerRegistered(w1, "Alex Morgan", Set.of(gp, foodbank), 2, at("02-02T09:00")),
                new LinksWorkerCapacityChanged(w1, 3, at("03-01T09:00")));
        append(store, "LinksWorker", W2, 0,
                new LinksWorkerRegistered(w2, "Sam Reid", Set.of(gp), 5, at("02-02T09:00")),
                new LinksWorkerSettingsChanged(w2, Set.of(gp, foodbank), at("03-01T09:00")));
        for (int person = 1; person <= 6; person++) {
            ParticipantId id = ParticipantId.ofNumber(person);
            append(store, "Participant", id.value(), 0, new ParticipantRegistered(id,
                    new SealedDetails("c2VhbGVk" + person, "ZmluZ2VycHJpbnQ="),
                    new Demographics(Gender.NOT_DISCLOSED, AgeBand.UNKNOWN, null), at("02-15T09:00")));
        }
        ParticipantId p6 = ParticipantId.ofNumber(6);
        append(store, "Participant", p6.value(), 1,
                new ParticipantDetailsChanged(p6, new SealedDetails("Y2hhbmdlZA==", "Y2hhbmdlZA=="),
                        new Demographics(Gender.NOT_DISCLOSED, AgeBand.UNKNOWN, 3), at("02-16T09:00")),
                new ParticipantErased(p6, at("02-17T09:00")));

        ReferralId c1 = new ReferralId("C1");
        append(store, "Referral", "C1", 0,
                received(c1, 1, gp, ReferralRoute.GP, Set.of(Need.DEBT, Need.HOUSING), Need.DEBT, "03-02T09:00"),
                new ReferralAccepted(c1, at("03-02T10:00")),
                new LinksWorkerAllocated(c1, w1, null, false, at("03-03T09:00")),
                booked(c1, "A1", "03-05T10:00", "03-03T09:30"),
                booked(c1, "A2", "03-12T10:00", "03-03T09:31"),
                new OutcomeMeasureRecorded(c1, OutcomeInstrument.WEMWBS, OutcomeTimepoint.BASELINE,
                        List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 4), CompletionMode.SELF, at("03-05T11:00")),
                new AppointmentAttended(c1, new AppointmentId("A1"), at("03-05T10:00")),
                OnwardReferralMade.outsideDirectory(c1, new OnwardReferralId("O1"), new SealedText("Citizens Advice"),
                        Need.DEBT, OnwardReferralKind.REFERRAL, at("03-06T10:00")),
                OnwardReferralMade.outsideDirectory(c1, new OnwardReferralId("O2"), new SealedText("Housing Options"),
                        Need.HOUSING, OnwardReferralKind.SIGNPOST, at("03-07T10:00")),
                new AppointmentMissed(c1, new AppointmentId("A2"), at("03-12T10:00")),
                new AttendanceCorrected(c1, new AppointmentId("A2"), Attendance.MISSED, Attendance.ATTENDED,
                        CorrectionReason.RECORDED_IN_ERROR, at("03-13T09:00")),
                booked(c1, "A3", "03-19T10:00", "03-13T09:10"),
                new AppointmentAttended(c1, new AppointmentId("A3"), at("03-19T10:00")),
                new OutcomeMeasureRecorded(c1, OutcomeInstrument.WEMWBS, OutcomeTimepoint.CLOSURE,
                        List.of(4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 4), CompletionMode.ASSISTED,
                        at("03-19T11:00")),
                booked(c1, "A4", "04-02T10:00", "03-19T11:05"),
                new OnwardReferralOutcomeRecorded(c1, new OnwardReferralId("O1"), OnwardReferralOutcome.TAKEN_UP,
                        at("03-20T09:00")),
                new OnwardReferralOutcomeRecorded(c1, new OnwardReferralId("O2"),
                        OnwardReferralOutcome.NOT_TAKEN_UP, at("03-20T09:05")),
                new AppointmentCancelled(c1, new AppointmentId("A4"), CancellationParty.SERVICE,
                        CancellationReason.CASE_CLOSED, at("03-20T10:00")),
                new CaseClosed(c1, ClosureReason.GOALS_MET, new SealedText("Debt plan in place"),
                        at("03-20T10:00")));

        ReferralId c2 = new ReferralId("C2");
        append(store, "Referral", "C2", 0,
                received(c2, 2, gp, ReferralRoute.SELF, Set.of(Need.LONELINESS_ISOLATION), Need.LONELINESS_ISOLATION,
                        "03-04T09:00"),
                new ReferralDeclined(c2, DeclineReason.OUT_OF_AREA, at("03-04T12:00")));

        ReferralId c3 = new ReferralId("C3");
        append(store, "Referral", "C3", 0,
                received(c3, 3, foodbank, ReferralRoute.THIRD_PARTY,
                        Set.of(Need.FOOD_INSECURITY, Need.FINANCES_BENEFITS), Need.FOOD_INSECURITY, "03-09T09:00"),
                new ReferralAccepted(c3, at("03-09T10:00")),
                new LinksWorkerAllocated(c3, w1, null, false, at("03-10T09:00")),
                booked(c3, "B1", "03-16T10:00", "03-10T09:30"),
                booked(c3, "B2", "03-23T10:00", "03-10T09:35"),
                new AppointmentMissed(c3, new AppointmentId("B1"), at("03-16T10:00")),
                new AppointmentRescheduled(c3, new AppointmentId("B2"), at("03-23T10:00"), at("03-24T14:00"), 45,
                        at("03-15T09:00")),
                new AppointmentCancelled(c3, new AppointmentId("B2"), CancellationParty.PARTICIPANT,
                        CancellationReason.PARTICIPANT_UNWELL, at("03-20T08:00")));

        ReferralId c4 = new ReferralId("C4");
        append(store, "Referral", "C4", 0,
                received(c4, 4, gp, ReferralRoute.GP, Set.of(Need.HOUSING), Need.HOUSING, "03-10T09:00"),
                new ReferralAccepted(c4, at("03-11T09:00")),
                new LinksWorkerAllocated(c4, w2, null, false, at("03-11T10:00")),
                new LinksWorkerAllocated(c4, w1, w2, true, at("03-12T09:00")),
                booked(c4, "E1", "04-07T10:00", "03-12T10:00"));

        ReferralId c5 = new ReferralId("C5");
        append(store, "Referral", "C5", 0, received(c5, 5, gp, ReferralRoute.PRACTICE_STAFF,
                Set.of(Need.MENTAL_WELLBEING), Need.MENTAL_WELLBEING, "03-16T09:00"));

        ReferralId c6 = new ReferralId("C6");
        append(store, "Referral", "C6", 0,
                received(c6, 6, gp, ReferralRoute.PROACTIVE, Set.of(Need.BEREAVEMENT), Need.BEREAVEMENT,
                        "03-01T09:00"),
                new ReferralAccepted(c6, at("03-01T10:00")),
                new LinksWorkerAllocated(c6, w2, null, false, at("03-02T09:00")),
                booked(c6, "D1", "03-03T10:00", "03-02T09:30"),
                new AppointmentAttended(c6, new AppointmentId("D1"), at("03-03T10:00")),
                new CaseClosed(c6, ClosureReason.DISENGAGED, null, at("03-06T10:00")),
                new CaseReopened(c6, ReopenReason.NEW_NEED, at("03-09T10:00")));

        append(store, "LinksWorker", W2, 2, new LinksWorkerDeactivated(w2, at("03-25T09:00")));
        append(store, "Setting", FOODBANK, 1, new SettingClosed(foodbank, at("03-31T09:00")));
        return store;
    }

    public static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    private static ReferralReceived received(ReferralId id, int person, SettingId setting, ReferralRoute route,
            Set<Need> needs, Need primary, String at) {
        return new ReferralReceived(id, ParticipantId.ofNumber(person), setting, needs, primary, route, true, at(at));
    }

    private static AppointmentBooked booked(ReferralId id, String appointment, String start, String bookedAt) {
        return new AppointmentBooked(id, new AppointmentId(appointment), at(start), 45, AppointmentMode.IN_PERSON,
                at(bookedAt));
    }
}
