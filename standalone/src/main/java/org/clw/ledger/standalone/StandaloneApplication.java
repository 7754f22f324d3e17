package org.clw.ledger.standalone;

import java.util.Arrays;
import java.util.stream.Stream;
import org.clw.ledger.api.LedgerApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole system in one JVM with no external process: the event store on an H2 file, read models and tokens in
 * an in-process MongoDB-wire server on another H2 file, everything under {@code clw.data-dir} (default
 * {@code ./data}). The two sides' own main classes are left out of the scan, and so are auto-configurations (the
 * embedded-stores module's), which load in their own order.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.clw.ledger", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
public class StandaloneApplication {

    public static void main(String[] args) {
        LedgerApplication.run(StandaloneApplication.class, withDemoShorthand(args));
    }

    /**
     * {@code --demo} generates the full demo year; {@code --demo=small} a quick one of 2,000 referrals. A demo is
     * explicitly the development mode: its published demo users are what it is for.
     */
    static String[] withDemoShorthand(String[] args) {
        return Arrays.stream(args).flatMap(arg -> switch (arg) {
            case "--demo" -> Stream.of("--clw.demo.enabled=true", "--spring.profiles.include=development");
            case "--demo=small" -> Stream.of("--clw.demo.enabled=true", "--clw.demo.referrals=2000",
                    "--spring.profiles.include=development");
            default -> Stream.of(arg);
        }).toArray(String[]::new);
    }
}
