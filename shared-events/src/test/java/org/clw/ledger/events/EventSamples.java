package org.clw.ledger.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clw.ledger.events.appointment.*;
import org.clw.ledger.events.directory.*;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.linksworker.*;
import org.clw.ledger.events.participant.*;
import org.clw.ledger.events.referral.*;
import org.clw.ledger.events.setting.*;

/**
 * One event of every kind, with plausible values; other modules' tests use them (the test jar) to check that a fold
 * handles every member of the family it switches over.
 */
public final class EventSamples {

    public static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");
    public static final ReferralId REFERRAL = new ReferralId("ref-1");
    public static final AppointmentId APPOINTMENT = new AppointmentId("appt-1");
    public static final SettingId SETTING = new SettingId("gp-46110");
    public static final LinksWorkerId WORKER = new LinksWorkerId("lw-7");
    public static final OrganisationId ORGANISATION = new OrganisationId("org-1");
    public static final ServiceId SERVICE = new ServiceId("svc-1");
    public static final ProposalId PROPOSAL = new ProposalId("prop-1");

    private EventSamples() {
    }

    public static List<LedgerEvent> everyEvent() {
        SealedDetails details = new SealedDetails("bm9uY2UtYW5kLWNpcGhlcnRleHQ=", "ZmluZ2VycHJpbnQ=");
        Demographics demographics = new Demographics(Gender.FEMALE, AgeBand.AGE_25_34, 1);
        OnwardReferralId onward = new OnwardReferralId("onw-1");
        return List.of(
                new SettingRegistered(SETTING, "Parkhead Health Centre", SettingType.GP_PRACTICE, Hscp.GLASGOW_CITY,
                        "46110", true, AT),
                new SettingClosed(SETTING, AT),
                new LinksWorkerRegistered(WORKER, "Alex Worker", Set.of(SETTING), 40, AT),
                new LinksWorkerSettingsChanged(WORKER, Set.of(SETTING, new SettingId("fb-1")), AT),
                new LinksWorkerCapacityChanged(WORKER, 35, AT),
                new LinksWorkerDeactivated(WORKER, AT),
                new ParticipantRegistered(new ParticipantId("P000123"), details, demographics, AT),
                new ParticipantDetailsChanged(new ParticipantId("P000123"), details, demographics, AT),
                new ParticipantErased(new ParticipantId("P000123"), AT),
                new ReferralReceived(REFERRAL, new ParticipantId("P000123"), SETTING,
                        Set.of(Need.HOUSING, Need.DEBT), Need.DEBT, ReferralRoute.GP, true, AT),
                new ReferralAccepted(REFERRAL, AT),
                new ReferralDeclined(REFERRAL, DeclineReason.OUT_OF_AREA, AT),
                new LinksWorkerAllocated(REFERRAL, WORKER, null, false, AT),
                new AppointmentBooked(REFERRAL, APPOINTMENT, AT.plusSeconds(86_400), 45, AppointmentMode.PHONE, AT),
                new AppointmentRescheduled(REFERRAL, APPOINTMENT, AT.plusSeconds(86_400), AT.plusSeconds(172_800), 30,
                        AT),
                new AppointmentCancelled(REFERRAL, APPOINTMENT, CancellationParty.PARTICIPANT,
                        CancellationReason.PARTICIPANT_UNWELL, AT),
                new AppointmentAttended(REFERRAL, APPOINTMENT, AT),
                new AppointmentMissed(REFERRAL, APPOINTMENT, AT),
                new AttendanceCorrected(REFERRAL, APPOINTMENT, Attendance.MISSED, Attendance.ATTENDED,
                        CorrectionReason.RECORDED_IN_ERROR, AT),
                OnwardReferralMade.outsideDirectory(REFERRAL, onward, SealedText.sealed("c2VhbGVkIG9yZ2FuaXNhdGlvbg=="),
                        Need.DEBT, OnwardReferralKind.REFERRAL, AT),
                OnwardReferralMade.toDirectoryService(REFERRAL, new OnwardReferralId("onw-2"), SERVICE, ORGANISATION,
                        Need.DEBT, OnwardReferralKind.SIGNPOST, AT),
                new OnwardReferralOutcomeRecorded(REFERRAL, onward, OnwardReferralOutcome.TAKEN_UP, AT),
                new OnwardReferralOutcomeRecorded(REFERRAL, onward, OnwardReferralOutcome.NOT_TAKEN_UP,
                        OutcomeCorrectionReason.RECORDED_IN_ERROR, AT),
                new OutcomeMeasureRecorded(REFERRAL, OutcomeInstrument.SWEMWBS, OutcomeTimepoint.BASELINE,
                        List.of(3, 3, 2, 4, 3, 2, 3), CompletionMode.ASSISTED, AT),
                new CaseClosed(REFERRAL, ClosureReason.GOALS_MET, SealedText.sealed("c2VhbGVkIHN1bW1hcnk="), AT),
                new CaseReopened(REFERRAL, ReopenReason.NEW_NEED, AT),
                new OrganisationRegistered(ORGANISATION, new OrganisationProfile("Eastfield Money Advice (fictional)",
                        OrganisationKind.ADVICE_SERVICE, "https://example.org", "0141 496 0000", "hello@example.org"),
                        AT),
                new OrganisationChanged(ORGANISATION, new OrganisationProfile("Eastfield Advice (fictional)",
                        OrganisationKind.ADVICE_SERVICE, "https://example.org", null, null), AT),
                new ServiceAdded(SERVICE, ORGANISATION, new ServiceOffer("Debt clinic", "Weekly drop-in",
                        Set.of(Need.DEBT, Need.FINANCES_BENEFITS), Set.of(Hscp.GLASGOW_CITY), false,
                        Set.of(OnwardReferralKind.SIGNPOST, OnwardReferralKind.REFERRAL)), AT),
                new ServiceChanged(SERVICE, ORGANISATION, new ServiceOffer("Debt clinic", "Phone and drop-in",
                        Set.of(Need.DEBT), Set.of(), true, Set.of(OnwardReferralKind.REFERRAL)), AT),
                new ServiceWithdrawn(SERVICE, ORGANISATION, AT),
                new ServiceReopened(SERVICE, ORGANISATION, AT),
                new EntryProposed(PROPOSAL, "Riverside Repair Cafe (fictional)", new ServiceOffer("Repair cafe",
                        "Fix household items together, free", Set.of(Need.LONELINESS_ISOLATION), Set.of(),
                        true, Set.of(OnwardReferralKind.SIGNPOST)), AT),
                new ProposalAccepted(PROPOSAL, SERVICE, AT),
                new ProposalDeclined(PROPOSAL, ProposalDeclineReason.ALREADY_IN_DIRECTORY, AT));
    }


    /** The records of a sealed family, its sub-families' included. */
    public static List<Class<?>> kindsOf(Class<?> family) {
        List<Class<?>> kinds = new ArrayList<>();
        for (Class<?> member : family.getPermittedSubclasses()) {
            if (member.isSealed()) {
                kinds.addAll(kindsOf(member));
            } else {
                kinds.add(member);
            }
        }
        return kinds;
    }

    /** The samples of one family, in the order of {@link #everyEvent()}. */
    public static <T> List<T> samplesOf(Class<T> family) {
        return everyEvent().stream().filter(family::isInstance).map(family::cast).toList();
    }
}
