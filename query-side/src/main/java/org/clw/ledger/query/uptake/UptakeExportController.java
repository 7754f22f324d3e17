package org.clw.ledger.query.uptake;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.query.export.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uptake beside the pseudonymised exports: per directory service (with its organisation) and the gaps, for the
 * months {@code from} to {@code to} and optionally an area, published as the API publishes them (under disclosure
 * control for evaluators; a withheld figure is {@value #WITHHELD}), then a row of totals. Nothing personal: services,
 * organisations, areas, needs and counts. Small (a row per service or per area and need), so built whole.
 */
@RestController
@RequestMapping("/api/exports")
class UptakeExportController {

    /** How a spreadsheet shows a figure withheld by disclosure control (the GSS convention, as the statistics). */
    static final String WITHHELD = "[c]";
    private static final List<String> FIGURES = List.of("made", "outcomes_recorded", "taken_up", "not_taken_up",
            "uptake_rate");

    private final UptakeAnswers answers;

    UptakeExportController(UptakeAnswers answers) {
        this.answers = answers;
    }

    @GetMapping("/uptake.csv")
    ResponseEntity<String> uptake(@RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) Hscp hscp) throws IOException {
        UptakeAnswers.Answer<UptakeAnswers.ServiceRow> answer =
                answers.services(UptakeController.period(from, to, hscp));
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>(List.of("from", "to", "hscp", "service_id", "service_name",
                "organisation_id", "organisation_name"));
        header.addAll(FIGURES);
        header.add("needs");
        Csv.row(out, header);
        for (UptakeAnswers.ServiceRow row : answer.rows()) {
            Csv.row(out, row(answer, Arrays.asList(row.serviceId(), row.serviceName(), row.organisationId(),
                    row.organisationName()), row.figures()));
        }
        Csv.row(out, row(answer, Arrays.asList("all", null, null, null), answer.total()));
        return csv("uptake.csv", out);
    }

    @GetMapping("/gaps.csv")
    ResponseEntity<String> gaps(@RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) Hscp hscp) throws IOException {
        UptakeAnswers.Answer<UptakeAnswers.GapRow> answer = answers.gaps(UptakeController.period(from, to, hscp));
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>(List.of("from", "to", "area", "need"));
        header.addAll(FIGURES);
        Csv.row(out, header);
        for (UptakeAnswers.GapRow row : answer.rows()) {
            List<Object> fields = new ArrayList<>(Arrays.<Object>asList(answer.period().from(), answer.period().to(),
                    row.hscp(), row.need()));
            fields.addAll(figures(row.figures()));
            Csv.row(out, fields);
        }
        List<Object> total = new ArrayList<>(Arrays.<Object>asList(answer.period().from(), answer.period().to(), "all",
                "all"));
        total.addAll(figures(answer.total()));
        Csv.row(out, total);
        return csv("gaps.csv", out);
    }

    private static List<Object> row(UptakeAnswers.Answer<?> answer, List<Object> subject, Figures figures) {
        List<Object> fields = new ArrayList<>(Arrays.<Object>asList(answer.period().from(), answer.period().to(),
                answer.period().hscp() == null ? "all" : answer.period().hscp()));
        fields.addAll(subject);
        fields.addAll(figures(figures));
        fields.add(figures.needs().entrySet().stream()
                .map(need -> need.getKey() + "=" + (need.getValue() == null ? WITHHELD : need.getValue()))
                .collect(Collectors.joining(";")));
        return fields;
    }

    private static List<Object> figures(Figures figures) {
        return Arrays.asList(shown(figures.made()), shown(figures.outcomesRecorded()), shown(figures.takenUp()),
                shown(figures.notTakenUp()), figures.uptakeRate() != null ? figures.uptakeRate()
                        : figures.takenUp() == null || figures.outcomesRecorded() == null ? WITHHELD : "");
    }

    private static Object shown(Long count) {
        return count == null ? WITHHELD : count;
    }

    private static ResponseEntity<String> csv(String name, StringWriter out) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(out.toString());
    }
}
