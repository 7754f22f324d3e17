package org.clw.ledger.query;

import static org.clw.ledger.query.InMemoryEvents.append;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationKind;
import org.clw.ledger.events.directory.OrganisationProfile;
import org.clw.ledger.events.directory.OrganisationRegistered;
import org.clw.ledger.events.directory.ServiceAdded;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.AgeBand;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.Gender;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.ParticipantRegistered;
import org.clw.ledger.events.participant.SealedDetails;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.OnwardReferralMade;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OnwardReferralOutcomeRecorded;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingRegistered;
import org.clw.ledger.events.setting.SettingType;

/**
 * Onward referrals to the community directory and outside it, in February and March 2026, with the uptake figures worked
 * out by hand. Settings: gp-40001 and gp-40003 in Glasgow City, gp-40002 in East Dunbartonshire (the demo manager
 * manages gp-40001 and gp-40002, not gp-40003). Directory: Eastfield Advice offers "Debt clinic" (svc-debt) and
 * "Benefits helpline" (svc-benefits); Lunch Club offers "Friday lunch" (svc-lunch).
 * <pre>
 * case setting   onward  made   to                      need                  outcome (recorded)
 * U1   gp-40001  O1      03-02  svc-debt                DEBT                  TAKEN_UP (03-20)
 *                O2      03-03  svc-lunch               LONELINESS_ISOLATION  NOT_TAKEN_UP (03-25)
 *                O3      03-04  outside the directory   HOUSING               TAKEN_UP (03-10)
 * U2   gp-40003  O2      02-20  svc-benefits            DEBT                  none
 *                O1      03-05  svc-debt                FINANCES_BENEFITS     NOT_TAKEN_UP (03-12), then TAKEN_UP (03-15)
 * U3   gp-40002  O1      03-06  svc-lunch               LONELINESS_ISOLATION  TAKEN_UP (03-09)
 *                O2      03-07  outside the directory   FOOD_INSECURITY       none
 * </pre>
 * March, the whole programme: Debt clinic 2 made, 2 outcomes, 2 taken up (DEBT 1, FINANCES_BENEFITS 1); Friday
 * lunch 2 made, 2 outcomes, 1 taken up, 1 not (LONELINESS_ISOLATION 2); total 4, 4, 3, 1, uptake 0.75. Eastfield
 * Advice as Debt clinic; Lunch Club as Friday lunch. Gaps: Glasgow City HOUSING 1 made, 1 taken up; East
 * Dunbartonshire FOOD_INSECURITY 1 made, no outcome. February has Benefits helpline: 1 made, no outcome.
 */
public final class UptakeHistory {

    static final String GLASGOW_MANAGED = "gp-40001";
    static final String GLASGOW_OTHER = "gp-40003";
    static final String EAST_DUNBARTONSHIRE = "gp-40002";

    private UptakeHistory() {
    }

    public static List<DomainEventMessage<?>> events() {
        List<DomainEventMessage<?>> store = new ArrayList<>();
        setting(store, GLASGOW_MANAGED, "Parkhead Health Centre", Hscp.GLASGOW_CITY);
        setting(store, GLASGOW_OTHER, "Shettleston Health Centre", Hscp.GLASGOW_CITY);
        setting(store, EAST_DUNBARTONSHIRE, "Kirkintilloch Health Centre", Hscp.EAST_DUNBARTONSHIRE);
        OrganisationId advice = new OrganisationId("org-advice");
        OrganisationId lunch = new OrganisationId("org-lunch");
        append(store, "Organisation", advice.value(), 0, new OrganisationRegistered(advice,
                new OrganisationProfile("Eastfield Advice", OrganisationKind.ADVICE_SERVICE, null, null, null),
                at("02-01T09:00")));
        append(store, "Organisation", lunch.value(), 0, new OrganisationRegistered(lunch,
                new OrganisationProfile("Lunch Club", OrganisationKind.COMMUNITY_GROUP, null, null, null),
                at("02-01T09:00")));
        service(store, "svc-debt", advice, "Debt clinic", Need.DEBT);
        service(store, "svc-benefits", advice, "Benefits helpline", Need.DEBT);
        service(store, "svc-lunch", lunch, "Friday lunch", Need.LONELINESS_ISOLATION);
        for (int person = 1; person <= 3; person++) {
            ParticipantId id = ParticipantId.ofNumber(person);
            append(store, "Participant", id.value(), 0, new ParticipantRegistered(id,
                    new SealedDetails("c2VhbGVk" + person, "ZmluZ2VycHJpbnQ="),
                    new Demographics(Gender.NOT_DISCLOSED, AgeBand.UNKNOWN, null), at("02-15T09:00")));
        }

        ReferralId u1 = new ReferralId("U1");
        append(store, "Referral", "U1", 0, received(u1, 1, GLASGOW_MANAGED),
                new ReferralAccepted(u1, at("02-01T10:00")),
                toService(u1, "O1", "svc-debt", advice, Need.DEBT, "03-02T10:00"),
                toService(u1, "O2", "svc-lunch", lunch, Need.LONELINESS_ISOLATION, "03-03T10:00"),
                OnwardReferralMade.outsideDirectory(u1, new OnwardReferralId("O3"), new SealedText("c2VhbGVk"),
                        Need.HOUSING, OnwardReferralKind.SIGNPOST, at("03-04T10:00")),
                outcome(u1, "O3", OnwardReferralOutcome.TAKEN_UP, "03-10T10:00"),
                outcome(u1, "O1", OnwardReferralOutcome.TAKEN_UP, "03-20T10:00"),
                outcome(u1, "O2", OnwardReferralOutcome.NOT_TAKEN_UP, "03-25T10:00"));

        ReferralId u2 = new ReferralId("U2");
        append(store, "Referral", "U2", 0, received(u2, 2, GLASGOW_OTHER),
                new ReferralAccepted(u2, at("02-01T10:00")),
                toService(u2, "O2", "svc-benefits", advice, Need.DEBT, "02-20T10:00"),
                toService(u2, "O1", "svc-debt", advice, Need.FINANCES_BENEFITS, "03-05T10:00"),
                outcome(u2, "O1", OnwardReferralOutcome.NOT_TAKEN_UP, "03-12T10:00"),
                outcome(u2, "O1", OnwardReferralOutcome.TAKEN_UP, "03-15T10:00"));

        ReferralId u3 = new ReferralId("U3");
        append(store, "Referral", "U3", 0, received(u3, 3, EAST_DUNBARTONSHIRE),
                new ReferralAccepted(u3, at("02-01T10:00")),
                toService(u3, "O1", "svc-lunch", lunch, Need.LONELINESS_ISOLATION, "03-06T10:00"),
                outcome(u3, "O1", OnwardReferralOutcome.TAKEN_UP, "03-09T10:00"),
                OnwardReferralMade.outsideDirectory(u3, new OnwardReferralId("O2"), new SealedText("c2VhbGVk"),
                        Need.FOOD_INSECURITY, OnwardReferralKind.REFERRAL, at("03-07T10:00")));
        return store;
    }

    static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    private static void setting(List<DomainEventMessage<?>> store, String id, String name, Hscp hscp) {
        append(store, "Setting", id, 0, new SettingRegistered(new SettingId(id), name, SettingType.GP_PRACTICE, hscp,
                "46110", true, at("02-01T09:00")));
    }

    private static void service(List<DomainEventMessage<?>> store, String id, OrganisationId organisation,
            String name, Need need) {
        append(store, "Service", id, 0, new ServiceAdded(new ServiceId(id), organisation, new ServiceOffer(name,
                "A fictional service", Set.of(need), Set.of(), true, Set.of(OnwardReferralKind.REFERRAL)),
                at("02-01T09:00")));
    }

    private static ReferralReceived received(ReferralId id, int person, String setting) {
        return new ReferralReceived(id, ParticipantId.ofNumber(person), new SettingId(setting), Set.of(Need.DEBT),
                Need.DEBT, ReferralRoute.GP, true, at("02-01T09:00"));
    }

    private static OnwardReferralMade toService(ReferralId id, String onward, String service,
            OrganisationId organisation, Need need, String at) {
        return OnwardReferralMade.toDirectoryService(id, new OnwardReferralId(onward), new ServiceId(service),
                organisation, need, OnwardReferralKind.REFERRAL, at(at));
    }

    private static OnwardReferralOutcomeRecorded outcome(ReferralId id, String onward,
            OnwardReferralOutcome outcome, String at) {
        return new OnwardReferralOutcomeRecorded(id, new OnwardReferralId(onward), outcome, at(at));
    }
}
