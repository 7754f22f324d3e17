package org.clw.ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clw.ledger.events.appointment.AppointmentMode;
import org.clw.ledger.events.appointment.Attendance;
import org.clw.ledger.events.appointment.CancellationParty;
import org.clw.ledger.events.appointment.CancellationReason;
import org.clw.ledger.events.appointment.CorrectionReason;
import org.clw.ledger.events.directory.OrganisationKind;
import org.clw.ledger.events.directory.ProposalDeclineReason;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.AgeBand;
import org.clw.ledger.events.participant.Gender;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.CompletionMode;
import org.clw.ledger.events.referral.DeclineReason;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OutcomeCorrectionReason;
import org.clw.ledger.events.referral.OutcomeInstrument;
import org.clw.ledger.events.referral.OutcomeTimepoint;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.referral.ReopenReason;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingType;
import org.junit.jupiter.api.Test;

/** The README's table of coded values lists, row by row, exactly the constants of the enum behind each field. */
class ApiValuesDocumentedTest {

    static Map<String, Class<?>> fields() throws ClassNotFoundException {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("`needs`, `primaryNeed` (referral); `need` (onward referral)", Need.class);
        fields.put("`route` (referral)", ReferralRoute.class);
        fields.put("`reason` (decline)", DeclineReason.class);
        fields.put("`mode` (appointment)", AppointmentMode.class);
        fields.put("`cancelledBy` (cancellation)", CancellationParty.class);
        fields.put("`reason` (cancellation)", CancellationReason.class);
        fields.put("`attendance`", Attendance.class);
        fields.put("`correctionReason` (attendance)", CorrectionReason.class);
        fields.put("`kind` (onward referral)", OnwardReferralKind.class);
        fields.put("`outcome` (onward referral)", OnwardReferralOutcome.class);
        fields.put("`correctionReason` (onward-referral outcome)", OutcomeCorrectionReason.class);
        fields.put("`instrument` (outcome measure)", OutcomeInstrument.class);
        fields.put("`timepoint` (outcome measure)", OutcomeTimepoint.class);
        fields.put("`mode` (outcome measure)", CompletionMode.class);
        fields.put("`reason` (closure)", ClosureReason.class);
        fields.put("`reason` (reopening)", ReopenReason.class);
        // Package-private: only the erasure endpoint uses it.
        fields.put("`reason` (erasure)", Class.forName("org.clw.ledger.command.participant.ErasureReason"));
        fields.put("`type` (setting)", SettingType.class);
        fields.put("`hscp` (setting; statistics filter)", Hscp.class);
        fields.put("`demographics.gender` (participant)", Gender.class);
        fields.put("`demographics.ageBand` (participant)", AgeBand.class);
        fields.put("`kind` (directory organisation)", OrganisationKind.class);
        fields.put("`reason` (directory proposal decline)", ProposalDeclineReason.class);
        return fields;
    }

    @Test
    void the_readme_lists_every_value_of_every_coded_field_and_nothing_else() throws Exception {
        Map<String, String> documented = valuesTable();
        Map<String, String> expected = new LinkedHashMap<>();
        fields().forEach((field, type) -> expected.put(field, Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", "))));

        assertThat(documented).as("README's \"### Values\" table; the expected rows are:%n%s", rows(expected))
                .containsExactlyEntriesOf(expected);
    }

    private static Map<String, String> valuesTable() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int start = lines.indexOf("### Values");
        assertThat(start).as("a \"### Values\" section in the README").isNotNegative();
        Map<String, String> rows = new LinkedHashMap<>();
        lines.stream().skip(start + 1).takeWhile(line -> !line.startsWith("#"))
                .filter(line -> line.startsWith("| ") && !line.startsWith("| field |"))
                .forEach(line -> {
                    String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
                    rows.put(cells[0], cells[1]);
                });
        return rows;
    }

    private static String rows(Map<String, String> table) {
        return table.entrySet().stream().map(row -> "| " + row.getKey() + " | " + row.getValue() + " |")
                .collect(Collectors.joining("\n"));
    }

    private static Path readme() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("README.md")) || !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        return directory.resolve("README.md");
    }
}
