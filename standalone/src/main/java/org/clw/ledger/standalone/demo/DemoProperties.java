package org.clw.ledger.standalone.demo;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled   generate the demo programme when the store is empty
 * @param referrals how many referrals the year brings (62,000 by default, as in the programme's 2025 figures)
 * @param seed      the same seed and last day give the same programme
 * @param lastDay   the last day of the demo year; yesterday when absent
 */
@ConfigurationProperties("clw.demo")
record DemoProperties(boolean enabled, Integer referrals, Long seed, LocalDate lastDay) {

    DemoProperties {
        referrals = referrals == null ? 62_000 : referrals;
        seed = seed == null ? 2014L : seed;
    }
}
