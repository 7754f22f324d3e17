package org.clw.ledger.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A fictional community directory of a given number of services (five per organisation) as the CSV files that
 * {@code POST /api/directory/imports} takes, at most {@link #ROWS_PER_FILE} rows each (the import's limit is 2,000
 * rows and 1 MiB). The same seed gives the same directory.
 */
final class DirectoryFile {

    static final int ROWS_PER_FILE = 1_000;
    static final List<String> NEEDS = List.of("MENTAL_WELLBEING", "LONELINESS_ISOLATION", "HOUSING", "DEBT",
            "FINANCES_BENEFITS", "FUEL_POVERTY", "FOOD_INSECURITY", "EMPLOYMENT_SKILLS", "CARING", "BEREAVEMENT",
            "PHYSICAL_ACTIVITY", "DIGITAL_INCLUSION");
    static final List<String> AREAS = List.of("GLASGOW_CITY", "WEST_DUNBARTONSHIRE", "EAST_DUNBARTONSHIRE",
            "EAST_RENFREWSHIRE", "RENFREWSHIRE", "INVERCLYDE");
    /** The words names and descriptions are made of, so that a search by words finds a few dozen services. */
    static final List<String> WORDS = List.of("lunch", "club", "walking", "group", "debt", "clinic", "advice",
            "drop-in", "pantry", "garden", "choir", "befriending", "helpline", "cafe", "library", "digital", "skills",
            "carers", "bereavement", "support", "energy", "housing", "benefits", "swimming", "art", "craft", "men's",
            "shed", "youth", "parents", "recovery", "peer", "listening", "warm", "space", "budgeting", "tenancy",
            "employability", "volunteering", "yoga");
    private static final List<String> KINDS = List.of("CHARITY", "COMMUNITY_GROUP", "COUNCIL_SERVICE", "NHS_SERVICE",
            "FOODBANK", "ADVICE_SERVICE", "OTHER");
    private static final List<String> LINK_MODES = List.of("SIGNPOST", "REFERRAL", "ACCOMPANIED");
    private static final String HEADER = "organisation_id,organisation_name,organisation_kind,website,phone,email,"
            + "service_id,service_name,description,needs,areas,link_modes\n";

    private DirectoryFile() {
    }

    static List<String> files(int services, long seed) {
        Random random = new Random(seed);
        List<String> files = new ArrayList<>();
        StringBuilder file = new StringBuilder(HEADER);
        for (int service = 0; service < services; service++) {
            int organisation = service / 5;
            file.append("bench-org-%05d,Bench organisation %d (fictional),%s,https://org-%d.example.org,,,"
                    .formatted(organisation, organisation, KINDS.get(organisation % KINDS.size()), organisation))
                    .append("bench-svc-%05d,".formatted(service))
                    .append(words(random, 3)).append(',')
                    .append(words(random, 12)).append(',')
                    .append(some(random, NEEDS, 3)).append(',')
                    .append(random.nextInt(20) == 0 ? "PROGRAMME_WIDE" : some(random, AREAS, 2)).append(',')
                    .append(some(random, LINK_MODES, 2)).append('\n');
            if ((service + 1) % ROWS_PER_FILE == 0 || service + 1 == services) {
                files.add(file.toString());
                file = new StringBuilder(HEADER);
            }
        }
        return files;
    }

    private static String words(Random random, int count) {
        return IntStream.range(0, count).mapToObj(i -> WORDS.get(random.nextInt(WORDS.size())))
                .collect(Collectors.joining(" "));
    }

    /** One to {@code most} distinct values, ';'-separated. */
    private static String some(Random random, List<String> values, int most) {
        return random.ints(0, values.size()).distinct().limit(1 + random.nextInt(most)).mapToObj(values::get)
                .collect(Collectors.joining(";"));
    }
}
