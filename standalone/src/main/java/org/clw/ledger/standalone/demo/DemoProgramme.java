package org.clw.ledger.standalone.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.clw.ledger.command.linksworker.ChangeLinksWorkerCapacity;
import org.clw.ledger.command.linksworker.DeactivateLinksWorker;
import org.clw.ledger.command.linksworker.RegisterLinksWorker;
import org.clw.ledger.command.setting.RegisterSetting;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingType;

/**
 * The programme the demo plays: 80 Glasgow and 16 West Dunbartonshire GP practices, 3 foodbanks, 2 thematic services
 * (people seeking asylum, homeless people) and an energy-efficiency outreach team; 70 links workers. Practice names
 * are invented from place names; codes are synthetic. Two workers leave at mid-year, each replaced by a new one.
 */
final class DemoProgramme {

    private static final String REGISTRY = "demo-registry";

    static final List<String> GLASGOW_AREAS = List.of("Parkhead", "Possilpark", "Drumchapel",
            "Easterhouse", "Govan", "Springburn", "Castlemilk", "Pollok", "Maryhill", "Dennistoun", "Bridgeton",
            "Shettleston", "Ruchill", "Royston", "Barmulloch", "Gorbals", "Toryglen", "Carntyne", "Cranhill",
            "Garthamlock", "Ibrox", "Milton", "Lambhill", "Sighthill", "Calton", "Barrowfield", "Tollcross",
            "Priesthill", "Nitshill", "Arden", "Yoker", "Scotstoun", "Whiteinch", "Partick", "Cowcaddens",
            "Townhead", "Govanhill", "Pollokshaws", "Cardonald", "Penilee");
    static final List<String> WEST_DUNBARTONSHIRE_AREAS = List.of("Clydebank", "Dalmuir", "Faifley",
            "Duntocher", "Old Kilpatrick", "Dumbarton", "Bellsmyre", "Alexandria", "Balloch", "Renton");
    private static final List<String> GIVEN_NAMES = List.of("Alex", "Jordan", "Sam", "Jamie", "Morgan", "Robin",
            "Kerry", "Lindsay", "Ross", "Shona", "Callum", "Eilidh", "Fraser", "Iona", "Kirsty", "Lewis", "Mhairi",
            "Niall", "Rhona", "Stuart");
    private static final List<String> FAMILY_NAMES = List.of("Campbell", "MacDonald", "Stewart", "Robertson",
            "Thomson", "Anderson", "Murray", "Paterson", "Fraser", "Reid", "Ross", "Kerr", "Hamilton", "Graham");

    final List<DemoSetting> settings = new ArrayList<>();
    final List<DemoWorker> workers = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();

    DemoProgramme(Dice dice, Instant yearStart, Instant yearEnd) {
        for (int i = 0; i < 80; i++) {
            String area = GLASGOW_AREAS.get(i % GLASGOW_AREAS.size());
            String name = area + (i < GLASGOW_AREAS.size() ? " Medical Practice" : " Health Centre Practice");
            settings.add(practice(40001 + i, name, Hscp.GLASGOW_CITY, dice.chance(0.85), dice));
        }
        for (int i = 0; i < 16; i++) {
            String area = WEST_DUNBARTONSHIRE_AREAS.get(i % WEST_DUNBARTONSHIRE_AREAS.size());
            String name = area + (i < WEST_DUNBARTONSHIRE_AREAS.size() ? " Surgery" : " Group Practice");
            settings.add(practice(80001 + i, name, Hscp.WEST_DUNBARTONSHIRE, dice.chance(0.4), dice));
        }
        settings.add(other("fb-glasgow-ne", "North East Glasgow Foodbank", SettingType.FOODBANK, Hscp.GLASGOW_CITY, 1.1));
        settings.add(other("fb-glasgow-sw", "South West Glasgow Foodbank", SettingType.FOODBANK, Hscp.GLASGOW_CITY, 1.0));
        settings.add(other("fb-clydebank", "Clydebank Foodbank", SettingType.FOODBANK, Hscp.WEST_DUNBARTONSHIRE, 0.8));
        settings.add(other("ts-asylum", "Asylum Seekers Links Service", SettingType.THEMATIC_SERVICE,
                Hscp.GLASGOW_CITY, 1.6));
        settings.add(other("ts-homeless", "Homelessness Links Service", SettingType.THEMATIC_SERVICE,
                Hscp.GLASGOW_CITY, 1.6));
        settings.add(other("or-energy", "Warm Homes Outreach Team", SettingType.OUTREACH, Hscp.GLASGOW_CITY, 1.5));

        List<DemoSetting> glasgow = settings.subList(0, 80);
        List<DemoSetting> westDunbartonshire = settings.subList(80, 96);
        coverInPairs(glasgow, 30, dice);
        coverInPairs(westDunbartonshire, 6, dice);
        for (int i = 96; i < 99; i++) {
            addWorker(List.of(settings.get(i).id()), dice);
        }
        addWorker(settings.subList(96, 99).stream().map(DemoSetting::id).toList(), dice);
        for (int i = 0; i < 4; i++) {
            addWorker(List.of(settings.get(99 + i % 2).id()), dice);
        }
        addWorker(List.of(settings.get(101).id()), dice);
        addWorker(List.of(settings.get(101).id()), dice);

        Instant registered = yearStart.minusSeconds(30L * 86_400);
        for (DemoSetting setting : settings) {
            steps.add(new Step(registered, "admin", "ADMIN", new RegisterSetting(setting.id(), setting.name(),
                    setting.type(), setting.hscp(), setting.practiceCode(), setting.deepEnd()), REGISTRY));
        }
        for (DemoWorker worker : workers) {
            steps.add(new Step(registered.plusSeconds(3_600), "manager", "SERVICE_MANAGER",
                    new RegisterLinksWorker(worker.id, worker.name, java.util.Set.copyOf(worker.settings),
                            worker.capacity), REGISTRY));
        }
        // Two workers leave mid-year and a new worker takes on each one's settings; two others change their hours.
        Instant midYear = yearStart.plusSeconds((yearEnd.getEpochSecond() - yearStart.getEpochSecond()) / 2);
        for (DemoWorker leaver : List.of(workers.get(7), workers.get(41))) {
            leaver.leavesAt = midYear;
            DemoWorker replacement = addWorker(leaver.settings, dice);
            replacement.joinsAt = midYear.minusSeconds(86_400);
            steps.add(new Step(midYear.minusSeconds(86_400), "manager", "SERVICE_MANAGER",
                    new RegisterLinksWorker(replacement.id, replacement.name, java.util.Set.copyOf(leaver.settings),
                            replacement.capacity), REGISTRY));
            steps.add(new Step(midYear, "manager", "SERVICE_MANAGER", new DeactivateLinksWorker(leaver.id), REGISTRY));
        }
        for (DemoWorker changed : List.of(workers.get(12), workers.get(55))) {
            steps.add(new Step(midYear.plusSeconds(86_400), "manager", "SERVICE_MANAGER",
                    new ChangeLinksWorkerCapacity(changed.id, changed.capacity - 20), REGISTRY));
        }
        steps.sort(Comparator.comparing(Step::at));
    }

    /** The active worker covering the setting with the fewest open cases at that moment. */
    DemoWorker leastLoadedWorker(SettingId setting, Instant at) {
        return workers.stream()
                .filter(worker -> worker.settings.contains(setting) && worker.availableAt(at)
                        && !worker.joinsAfter(at))
                .min(Comparator.comparingInt((DemoWorker worker) -> worker.openCasesAt(at))
                        .thenComparing(worker -> worker.id.value()))
                .orElseThrow();
    }

    Map<DemoSetting, Double> referralWeights() {
        Map<DemoSetting, Double> weights = new java.util.LinkedHashMap<>();
        settings.forEach(setting -> weights.put(setting, setting.referralWeight()));
        return weights;
    }

    private void coverInPairs(List<DemoSetting> practices, int pairs, Dice dice) {
        int index = 0;
        for (int pair = 0; pair < pairs; pair++, index += 2) {
            addWorker(List.of(practices.get(index).id(), practices.get(index + 1).id()), dice);
        }
        IntStream.range(index, practices.size()).forEach(i -> addWorker(List.of(practices.get(i).id()), dice));
    }

    private DemoWorker addWorker(List<SettingId> covered, Dice dice) {
        String id = "lw-%03d".formatted(workers.size() + 1);
        String name = dice.pick(GIVEN_NAMES) + " " + dice.pick(FAMILY_NAMES);
        DemoWorker worker = new DemoWorker(new LinksWorkerId(id), name, covered, 100 + 10 * dice.between(0, 4));
        workers.add(worker);
        return worker;
    }

    private static DemoSetting practice(int code, String name, Hscp hscp, boolean deepEnd, Dice dice) {
        return new DemoSetting(new SettingId("gp-" + code), name, SettingType.GP_PRACTICE, hscp,
                String.valueOf(code), deepEnd, 0.6 + dice.uniform() * 0.8);
    }

    private static DemoSetting other(String id, String name, SettingType type, Hscp hscp, double weight) {
        return new DemoSetting(new SettingId(id), name, type, hscp, null, false, weight);
    }
}
