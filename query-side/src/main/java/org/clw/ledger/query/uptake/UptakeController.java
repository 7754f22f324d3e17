package org.clw.ledger.query.uptake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.YearMonth;
import java.util.List;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.query.web.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What people take up, for the months {@code from} to {@code to} (both inclusive, {@code yyyy-MM}) and optionally an
 * area ({@code hscp}, the HSCP of the case's setting): per directory service and per organisation, paged, with the
 * total over every row; and the gaps, onward referrals outside the directory by area and need. See
 * {@link UptakeContributions} for which month a referral and its outcome count in, and {@link UptakeAnswers} for who
 * may ask and how figures are published.
 */
@RestController
@RequestMapping("/api/uptake")
class UptakeController {

    private final UptakeAnswers answers;

    UptakeController(UptakeAnswers answers) {
        this.answers = answers;
    }

    /** @param total the figures over every row, not just this page's */
    record Rows<R>(YearMonth from, YearMonth to, Hscp hscp, Integer suppressedBelow, Figures total,
                   PageOf<R> rows) {

        static <R> Rows<R> of(UptakeAnswers.Answer<R> answer, int page, int size) {
            return new Rows<>(answer.period().from(), answer.period().to(), answer.period().hscp(),
                    answer.suppressedBelow(), answer.total(), PageOf.slice(answer.rows(), page, size));
        }
    }

    /** Gaps are few (at most one row per area and need), so not paged. */
    record Gaps(YearMonth from, YearMonth to, Hscp hscp, Integer suppressedBelow, Figures total,
                List<UptakeAnswers.GapRow> gaps) {
    }

    @GetMapping("/services")
    Rows<UptakeAnswers.ServiceRow> services(@RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) Hscp hscp,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return Rows.of(answers.services(period(from, to, hscp)), page, size);
    }

    @GetMapping("/organisations")
    Rows<UptakeAnswers.OrganisationRow> organisations(@RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) Hscp hscp,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return Rows.of(answers.organisations(period(from, to, hscp)), page, size);
    }

    @GetMapping("/gaps")
    Gaps gaps(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) Hscp hscp) {
        UptakeAnswers.Answer<UptakeAnswers.GapRow> answer = answers.gaps(period(from, to, hscp));
        return new Gaps(answer.period().from(), answer.period().to(), hscp, answer.suppressedBelow(),
                answer.total(), answer.rows());
    }

    static UptakePeriod period(String from, String to, Hscp hscp) {
        return new UptakePeriod(UptakePeriod.month("from", from), UptakePeriod.month("to", to), hscp);
    }
}
