package org.clw.ledger.query.statistics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Callers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Who gets statistics under disclosure control, and at what threshold ({@code clw.statistics.disclosure-threshold},
 * default 5). Exact figures go only to those who may read every case the figures count: admins and auditors always,
 * a service manager when every setting asked for is one they manage. Everyone else (evaluators, links workers, a
 * manager asking about the whole programme or another setting) gets the published form of {@link DisclosureControl}.
 */
@Component
@EnableConfigurationProperties(StatisticsDisclosure.Properties.class)
public class StatisticsDisclosure {

    private final Callers callers;
    private final DisclosureControl control;

    StatisticsDisclosure(Callers callers, Properties properties) {
        this.callers = callers;
        this.control = new DisclosureControl(properties.disclosureThreshold());
    }

    /** @param disclosureThreshold counts from 1 to one less than this are withheld from controlled figures */
    @ConfigurationProperties("clw.statistics")
    record Properties(@DefaultValue("" + DisclosureControl.DEFAULT_THRESHOLD) int disclosureThreshold) {

        Properties {
            if (disclosureThreshold < DisclosureControl.LOWEST_THRESHOLD
                    || disclosureThreshold > DisclosureControl.HIGHEST_THRESHOLD) {
                throw new IllegalArgumentException("clw.statistics.disclosure-threshold must be from %d to %d"
                        .formatted(DisclosureControl.LOWEST_THRESHOLD, DisclosureControl.HIGHEST_THRESHOLD));
            }
        }
    }

    /**
     * How the current caller's figures are published.
     *
     * @param settingIds the settings the figures count, or null for the whole programme
     */
    public Publication forCaller(Collection<String> settingIds) {
        Caller caller = callers.current();
        boolean exact = switch (caller.role()) {
            case ADMIN, AUDITOR -> true;
            case SERVICE_MANAGER -> settingIds != null && settingIds.stream().allMatch(caller::manages);
            case LINKS_WORKER, EVALUATOR -> false;
        };
        return new Publication(exact ? null : control);
    }

    /** Exact figures (no control) or figures under disclosure control. */
    public static final class Publication {

        private final DisclosureControl control;

        Publication(DisclosureControl control) {
            this.control = control;
        }

        /** The control, empty for exact figures. */
        public Optional<DisclosureControl> control() {
            return Optional.ofNullable(control);
        }

        /** The threshold below which counts are withheld, for the answer to say so; null for exact figures. */
        public Integer suppressedBelow() {
            return control == null ? null : control.threshold();
        }

        /** A report over a period with its referrals received by route and need, withheld as one table. */
        public Totals totals(StatisticsReport report, Map<String, Long> byRoute, Map<String, Long> byNeed) {
            return control == null ? new Totals(report, byRoute, byNeed, List.of())
                    : ReportTables.totals(control, report, byRoute, byNeed);
        }

        ReportTables.Series series(List<Map<String, StatisticsReport>> periods, Map<String, StatisticsReport> totals) {
            return control == null ? new ReportTables.Series(periods, totals)
                    : ReportTables.series(control, periods, totals);
        }
    }

    /**
     * A report over a period and the referrals received in it by route and by need, as published: withheld counts
     * are null, those of the two splits listed in {@code suppressed}, the report's in its own list.
     */
    public record Totals(StatisticsReport report, Map<String, Long> byRoute, Map<String, Long> byNeed,
                         List<String> suppressed) {
    }
}
