package org.clw.ledger.standalone.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clw.ledger.command.directory.AddService;
import org.clw.ledger.command.directory.RegisterOrganisation;
import org.clw.ledger.command.directory.WithdrawService;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationKind;
import org.clw.ledger.events.directory.OrganisationProfile;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;

/**
 * The demo programme's community directory: in each neighbourhood of Glasgow and West Dunbartonshire two or three
 * local organisations (money advice, a larder, befriending, a wellbeing hub, housing support, employability), and a
 * handful that serve a whole HSCP or the programme; about three hundred services mapped to needs. Every name ends in
 * "(demo)", every website is under example.org and every phone number is in Ofcom's range for drama (0141 496 0xxx):
 * clearly fictional. Its own dice, so the rest of the demo plays out exactly as before.
 */
final class DemoDirectory {

    private static final String DIRECTORY = "demo-directory";
    private static final double OUTSIDE_THE_DIRECTORY = 0.06;
    private static final Set<OnwardReferralKind> SIGNPOST = Set.of(OnwardReferralKind.SIGNPOST);
    private static final Set<OnwardReferralKind> REFER = Set.of(OnwardReferralKind.REFERRAL);
    private static final Set<OnwardReferralKind> SIGNPOST_OR_REFER = Set.of(OnwardReferralKind.SIGNPOST,
            OnwardReferralKind.REFERRAL);
    private static final Set<OnwardReferralKind> GO_ALONG = Set.of(OnwardReferralKind.SIGNPOST,
            OnwardReferralKind.ACCOMPANIED);

    private record Offer(String name, String description, Set<Need> needs, Set<OnwardReferralKind> modes) {
    }

    private record Template(String suffix, OrganisationKind kind, List<Offer> offers) {
    }

    private static final List<Template> LOCAL = List.of(
            new Template("Money Advice Project", OrganisationKind.ADVICE_SERVICE, List.of(
                    new Offer("Debt advice", "Help with debts, arrears and a plan to pay", Set.of(Need.DEBT,
                            Need.FINANCES_BENEFITS), SIGNPOST_OR_REFER),
                    new Offer("Benefit checks and appeals", "Checks entitlement and helps with claims and appeals",
                            Set.of(Need.FINANCES_BENEFITS, Need.LEGAL), REFER),
                    new Offer("Energy bill help", "Advice on fuel debt, tariffs and grants",
                            Set.of(Need.FUEL_POVERTY, Need.DEBT), REFER))),
            new Template("Community Larder", OrganisationKind.FOODBANK, List.of(
                    new Offer("Food parcels", "Emergency food on a referral voucher", Set.of(Need.FOOD_INSECURITY),
                            REFER),
                    new Offer("Community meal", "A free hot meal and company twice a week",
                            Set.of(Need.FOOD_INSECURITY, Need.LONELINESS_ISOLATION), GO_ALONG))),
            new Template("Befriending Network", OrganisationKind.CHARITY, List.of(
                    new Offer("Telephone befriending", "A weekly call from a trained volunteer",
                            Set.of(Need.LONELINESS_ISOLATION, Need.MENTAL_WELLBEING), REFER),
                    new Offer("Lunch club", "Lunch and a blether for older people",
                            Set.of(Need.LONELINESS_ISOLATION), GO_ALONG),
                    new Offer("Carers' cafe", "A break and peer support for unpaid carers",
                            Set.of(Need.CARING, Need.LONELINESS_ISOLATION), SIGNPOST))),
            new Template("Wellbeing Hub", OrganisationKind.COMMUNITY_GROUP, List.of(
                    new Offer("Peer support group", "A weekly group for low mood and anxiety",
                            Set.of(Need.MENTAL_WELLBEING, Need.TRAUMA), GO_ALONG),
                    new Offer("Health walks", "Short led walks for all abilities",
                            Set.of(Need.PHYSICAL_ACTIVITY, Need.MENTAL_WELLBEING), GO_ALONG),
                    new Offer("Digital drop-in", "Help with phones, tablets and getting online",
                            Set.of(Need.DIGITAL_INCLUSION), SIGNPOST),
                    new Offer("Bereavement group", "A monthly group for people who have lost someone",
                            Set.of(Need.BEREAVEMENT), SIGNPOST_OR_REFER))),
            new Template("Housing Support Team", OrganisationKind.COUNCIL_SERVICE, List.of(
                    new Offer("Tenancy sustainment", "Support to keep a tenancy: rent, repairs, neighbours",
                            Set.of(Need.HOUSING, Need.DEBT), REFER),
                    new Offer("Homelessness casework", "Assessment and temporary accommodation",
                            Set.of(Need.HOMELESSNESS, Need.HOUSING), Set.of(OnwardReferralKind.REFERRAL,
                                    OnwardReferralKind.ACCOMPANIED)))),
            new Template("Employability Partnership", OrganisationKind.COUNCIL_SERVICE, List.of(
                    new Offer("Job club", "CVs, applications and interview practice",
                            Set.of(Need.EMPLOYMENT_SKILLS, Need.DIGITAL_INCLUSION), SIGNPOST),
                    new Offer("Skills for work", "Short courses and volunteering placements",
                            Set.of(Need.EMPLOYMENT_SKILLS), REFER))));

    /** A service as links workers find it: what it offers, and from when it no longer takes people (null: never). */
    private record Listed(ServiceId id, ServiceOffer offer, Instant withdrawnAt) {
    }

    /** Where the plan sends someone: a directory service, and how (a worker links people the way a service takes them). */
    record Choice(ServiceId service, OnwardReferralKind kind) {
    }

    final List<Step> steps = new ArrayList<>();
    int organisations;
    int services;
    private int phone;
    private final Map<ServiceId, Listed> listed = new LinkedHashMap<>();
    /** The choices' own dice, so that the cases play out as they did before onward referrals named services. */
    private final Dice choices;

    DemoDirectory(long seed, Instant registered, Instant midYear) {
        Dice dice = new Dice(seed ^ 0x5EED_D1EC_7042L);
        choices = new Dice(seed ^ 0x0_4A2D_C401_CEL);
        List<ServiceId> local = new ArrayList<>();
        neighbourhoods(dice, DemoProgramme.GLASGOW_AREAS, Hscp.GLASGOW_CITY, registered, local);
        neighbourhoods(dice, DemoProgramme.WEST_DUNBARTONSHIRE_AREAS, Hscp.WEST_DUNBARTONSHIRE, registered, local);
        wide(registered);
        // Services change: a few close at mid-year.
        for (int i = 0; i < 6; i++) {
            ServiceId closing = local.remove(dice.between(0, local.size() - 1));
            Instant at = midYear.plusSeconds(7_200L * i);
            steps.add(new Step(at, "admin", "ADMIN", new WithdrawService(closing), DIRECTORY));
            listed.computeIfPresent(closing, (id, service) -> new Listed(id, service.offer(), at));
        }
    }

    /**
     * A service for this need in this area (or programme-wide), open at this time, taking people this way if one
     * does, else another way it takes them. Empty when none fits, and now and then (about one in sixteen) when one
     * does: a links worker also sends people to things the directory does not know yet, the gaps it reports.
     */
    Optional<Choice> serviceFor(Need need, Hscp area, OnwardReferralKind kind, Instant at) {
        List<Listed> fitting = listed.values().stream()
                .filter(service -> service.offer().needs().contains(need))
                .filter(service -> service.offer().programmeWide() || service.offer().areas().contains(area))
                .filter(service -> service.withdrawnAt() == null || at.isBefore(service.withdrawnAt()))
                .toList();
        if (fitting.isEmpty() || choices.chance(OUTSIDE_THE_DIRECTORY)) {
            return Optional.empty();
        }
        List<Listed> sameWay = fitting.stream().filter(service -> service.offer().linkModes().contains(kind)).toList();
        Listed chosen = choices.pick(sameWay.isEmpty() ? fitting : sameWay);
        return Optional.of(new Choice(chosen.id(), sameWay.isEmpty()
                ? choices.pick(List.copyOf(chosen.offer().linkModes())) : kind));
    }

    private void neighbourhoods(Dice dice, List<String> areas, Hscp hscp, Instant at, List<ServiceId> local) {
        for (String area : areas) {
            List<Template> templates = new ArrayList<>(LOCAL);
            int count = dice.between(2, 3);
            for (int i = 0; i < count; i++) {
                Template template = templates.remove(dice.between(0, templates.size() - 1));
                String name = area + " " + template.suffix();
                OrganisationId organisation = organisation(name, template.kind(), at, dice.chance(0.5));
                for (Offer offer : template.offers()) {
                    if (dice.chance(0.85)) {
                        local.add(service(organisation, offer, Set.of(hscp), at));
                    }
                }
            }
        }
    }

    /** Organisations that serve a whole HSCP or the whole programme. */
    private void wide(Instant at) {
        Set<Hscp> glasgow = Set.of(Hscp.GLASGOW_CITY);
        Set<Hscp> westDunbartonshire = Set.of(Hscp.WEST_DUNBARTONSHIRE);
        OrganisationId recovery = organisation("Clyde Recovery Network", OrganisationKind.NHS_SERVICE, at, true);
        service(recovery, new Offer("Recovery cafe", "Drop-in for people in recovery from alcohol or drugs",
                Set.of(Need.ADDICTIONS, Need.LONELINESS_ISOLATION), GO_ALONG), glasgow, at);
        service(recovery, new Offer("Recovery cafe", "Drop-in for people in recovery from alcohol or drugs",
                Set.of(Need.ADDICTIONS, Need.LONELINESS_ISOLATION), GO_ALONG), westDunbartonshire, at);
        service(recovery, new Offer("Alcohol and drug support line", "Advice and a route into treatment",
                Set.of(Need.ADDICTIONS), SIGNPOST_OR_REFER), Set.of(), at);
        OrganisationId safe = organisation("Safe Spaces", OrganisationKind.CHARITY, at, true);
        service(safe, new Offer("Domestic abuse support", "Safety planning and support for survivors",
                Set.of(Need.ABUSE_VIOLENCE, Need.TRAUMA), REFER), Set.of(), at);
        OrganisationId welcome = organisation("New Neighbours Welcome", OrganisationKind.CHARITY, at, true);
        service(welcome, new Offer("Asylum and immigration advice", "Casework with asylum claims and status",
                Set.of(Need.ASYLUM_IMMIGRATION, Need.LEGAL), REFER), glasgow, at);
        service(welcome, new Offer("English conversation club", "Practise English and meet people",
                Set.of(Need.ASYLUM_IMMIGRATION, Need.LONELINESS_ISOLATION), GO_ALONG), glasgow, at);
        OrganisationId families = organisation("Family Links", OrganisationKind.CHARITY, at, true);
        service(families, new Offer("Family support", "Help for parents under strain",
                Set.of(Need.RELATIONSHIPS_FAMILY, Need.MENTAL_WELLBEING), REFER), Set.of(), at);
        service(families, new Offer("Young carers group", "Support and breaks for young carers",
                Set.of(Need.CARING), SIGNPOST_OR_REFER), Set.of(), at);
        OrganisationId law = organisation("Community Law Centre", OrganisationKind.ADVICE_SERVICE, at, true);
        service(law, new Offer("Legal advice clinic", "Housing, employment and consumer law",
                Set.of(Need.LEGAL, Need.HOUSING, Need.EMPLOYMENT_SKILLS), REFER), glasgow, at);
        OrganisationId health = organisation("Healthy Living Service", OrganisationKind.NHS_SERVICE, at, true);
        service(health, new Offer("Weight management", "A twelve-week programme", Set.of(Need.PHYSICAL_HEALTH,
                Need.PHYSICAL_ACTIVITY), REFER), Set.of(), at);
        service(health, new Offer("Stop smoking service", "Support and medication to stop smoking",
                Set.of(Need.PHYSICAL_HEALTH, Need.ADDICTIONS), SIGNPOST_OR_REFER), Set.of(), at);
        OrganisationId warm = organisation("Warm Homes Advice", OrganisationKind.CHARITY, at, true);
        service(warm, new Offer("Home energy visit", "A visit to cut bills and fix draughts",
                Set.of(Need.FUEL_POVERTY, Need.HOUSING), REFER), Set.of(), at);
        OrganisationId other = organisation("Community Connections", OrganisationKind.OTHER, at, false);
        service(other, new Offer("Volunteering matching", "Finds a volunteering role that suits",
                Set.of(Need.OTHER, Need.LONELINESS_ISOLATION, Need.EMPLOYMENT_SKILLS), SIGNPOST), Set.of(), at);
    }

    private OrganisationId organisation(String name, OrganisationKind kind, Instant at, boolean email) {
        String slug = slug(name);
        OrganisationId id = new OrganisationId("org-" + slug);
        organisations++;
        steps.add(new Step(at, "admin", "ADMIN", new RegisterOrganisation(id, new OrganisationProfile(
                name + " (demo)", kind, "https://" + slug + ".example.org",
                "0141 496 0%03d".formatted(phone++ % 1000), email ? "hello@" + slug + ".example.org" : null)),
                DIRECTORY));
        return id;
    }

    private ServiceId service(OrganisationId organisation, Offer offer, Set<Hscp> areas, Instant at) {
        // The organisation's slug, the offer's, and the area's initials (one organisation runs a cafe in each HSCP).
        String suffix = areas.isEmpty() ? "" : "-" + slug(areas.iterator().next().name()).substring(0, 2);
        String slug = organisation.value().substring(4) + "-" + slug(offer.name());
        ServiceId id = new ServiceId("svc-" + (slug.length() > 57 ? slug.substring(0, 57) : slug) + suffix);
        services++;
        ServiceOffer serviceOffer = new ServiceOffer(offer.name(), offer.description(), offer.needs(), areas,
                areas.isEmpty(), offer.modes());
        steps.add(new Step(at, "admin", "ADMIN", new AddService(id, organisation, serviceOffer), DIRECTORY));
        listed.put(id, new Listed(id, serviceOffer, null));
        return id;
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() > 50 ? slug.substring(0, 50) : slug;
    }
}
