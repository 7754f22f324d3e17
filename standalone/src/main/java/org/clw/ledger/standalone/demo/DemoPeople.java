package org.clw.ledger.standalone.demo;

import static java.util.Map.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clw.ledger.events.participant.AgeBand;
import org.clw.ledger.events.participant.ChiNumber;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.Gender;
import org.clw.ledger.events.participant.PersonalDetails;

/**
 * Clearly fake people: every family name starts "Demo-", phone numbers are in Ofcom's drama range (07700 900xxx),
 * postcodes end in the unused "9ZZ"; CHI numbers have the real format (a real date and a valid check digit).
 */
final class DemoPeople {

    private static final List<String> GIVEN_NAMES = List.of("Agnes", "Alan", "Brian", "Catherine", "Craig", "David",
            "Elaine", "Fiona", "Gary", "Grace", "Helen", "Ian", "Janet", "John", "Karen", "Liam", "Margaret", "Mark",
            "Morag", "Nicola", "Paul", "Rachel", "Scott", "Susan", "Thomas", "Wendy", "Ahmed", "Amina", "Tomasz",
            "Olena");
    private static final List<String> FAMILY_NAMES = List.of("Smith", "Brown", "Wilson", "Campbell", "Stewart",
            "Thomson", "Robertson", "Anderson", "Macdonald", "Scott", "Reid", "Murray", "Taylor", "Clark", "Ross",
            "Watson", "Morrison", "Paterson", "Young", "Mitchell");
    private static final Map<AgeBand, Double> AGES = Map.ofEntries(entry(AgeBand.AGE_16_24, 8.0),
            entry(AgeBand.AGE_25_34, 16.0), entry(AgeBand.AGE_35_44, 19.0), entry(AgeBand.AGE_45_54, 21.0),
            entry(AgeBand.AGE_55_64, 18.0), entry(AgeBand.AGE_65_74, 11.0), entry(AgeBand.AGE_75_PLUS, 7.0));
    private static final Map<Gender, Double> GENDERS = Map.ofEntries(entry(Gender.FEMALE, 58.0),
            entry(Gender.MALE, 40.0), entry(Gender.NON_BINARY, 0.5), entry(Gender.NOT_DISCLOSED, 1.5));

    private DemoPeople() {
    }

    record Person(PersonalDetails details, Demographics demographics) {
    }

    static Person next(Dice dice, LocalDate today) {
        AgeBand band = dice.weighted(new java.util.TreeMap<>(AGES));
        int age = switch (band) {
            case AGE_16_24 -> dice.between(16, 24);
            case AGE_25_34 -> dice.between(25, 34);
            case AGE_35_44 -> dice.between(35, 44);
            case AGE_45_54 -> dice.between(45, 54);
            case AGE_55_64 -> dice.between(55, 64);
            case AGE_65_74 -> dice.between(65, 74);
            default -> dice.between(75, 95);
        };
        LocalDate born = today.minusYears(age).minusDays(dice.between(1, 364));
        Gender gender = dice.weighted(new java.util.TreeMap<>(GENDERS));
        PersonalDetails details = new PersonalDetails(dice.pick(GIVEN_NAMES), "Demo-" + dice.pick(FAMILY_NAMES),
                dice.chance(0.9) ? chiFor(born, dice) : null, born,
                (dice.chance(0.8) ? "G" + dice.between(1, 53) : "G" + dice.between(60, 83)) + " 9ZZ",
                dice.chance(0.85) ? "07700 900%03d".formatted(dice.between(0, 999)) : null, null);
        int simd = dice.chance(0.6) ? 1 : dice.between(1, 10);
        return new Person(details, new Demographics(gender, band, simd));
    }

    /** DDMMYY, three digits, and the modulus-11 check digit (numbers whose check would be 10 are not issued). */
    private static ChiNumber chiFor(LocalDate born, Dice dice) {
        while (true) {
            String first9 = "%02d%02d%02d%03d".formatted(born.getDayOfMonth(), born.getMonthValue(),
                    born.getYear() % 100, dice.between(0, 999));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (first9.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return new ChiNumber(first9 + check);
            }
        }
    }
}
