package org.clw.ledger.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.clw.ledger.command.linksworker.RegisterLinksWorker;
import org.clw.ledger.command.setting.RegisterSetting;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingType;
import org.clw.ledger.standalone.TestSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The demo programme sent many commands to a database transaction is the programme sent one command to each: the same
 * events, of the same aggregates, in the same order, at the same simulated times; and within a batch a refused command
 * is undone alone.
 */
class DemoGenerationTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 31);
    private static final int REFERRALS = 150;

    @Test
    void many_commands_to_a_transaction_store_the_same_events_as_one_to_each(@TempDir Path one,
            @TempDir Path many) throws Exception {
        List<String> eachAlone = generate(one, 1);
        List<String> batched = generate(many, 1_000);

        assertThat(batched).hasSize(new DemoPlan(2014, REFERRALS, LAST_DAY).commands()).isEqualTo(eachAlone);
        assertThat(countsByType(batched)).isEqualTo(countsByType(eachAlone))
                .containsKeys("ReferralReceived", "LinksWorkerAllocated", "AppointmentBooked", "CaseClosed");
    }

    @Test
    void a_refused_command_in_a_batch_is_undone_alone_and_later_commands_see_the_earlier_ones(@TempDir Path data) {
        try (ConfigurableApplicationContext app = TestSystem.start(data)) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            TransactionBatches batches = new TransactionBatches(app.getBean(PlatformTransactionManager.class),
                    app.getBean("aggregateCache", Cache.class), 100, Duration.ofMinutes(1));
            SettingId practice = new SettingId("gp-91001");

            batches.run(() -> commands.sendAndWait(new RegisterSetting(practice, "Test Practice",
                    SettingType.GP_PRACTICE, Hscp.GLASGOW_CITY, "91001", false)));
            assertThatThrownBy(() -> batches.run(() -> commands.sendAndWait(new RegisterLinksWorker(
                    new LinksWorkerId("lw-901"), "Refused Worker", Set.of(new SettingId("gp-99999")), 100))))
                    .hasMessageContaining("gp-99999");
            batches.run(() -> commands.sendAndWait(new RegisterLinksWorker(new LinksWorkerId("lw-902"),
                    "Accepted Worker", Set.of(practice), 100)));
            batches.commit();
            batches.run(() -> commands.sendAndWait(new RegisterSetting(new SettingId("gp-91002"),
                    "Abandoned Practice", SettingType.GP_PRACTICE, Hscp.GLASGOW_CITY, "91002", false)));
            batches.abandon();

            assertThat(storedEvents(app)).map(event -> event.substring(0, event.lastIndexOf(' ')))
                    .containsExactly("gp-91001 0 SettingRegistered", "lw-902 0 LinksWorkerRegistered");
        }
    }

    /** Generates the demo programme on a fresh store; its events, in store order, without their random ids. */
    private static List<String> generate(Path data, int commandsPerTransaction) throws Exception {
        try (ConfigurableApplicationContext app = TestSystem.start(data, "--clw.demo.enabled=true",
                "--clw.demo.referrals=" + REFERRALS, "--clw.demo.last-day=" + LAST_DAY,
                "--clw.demo.commands-per-transaction=" + commandsPerTransaction)) {
            DemoGenerator.Generated generated = app.getBean(DemoGenerator.class).generated()
                    .get(3, TimeUnit.MINUTES);
            assertThat(generated.refused()).isEmpty();
            List<String> events = storedEvents(app);
            assertThat(generated.storedEvents()).isEqualTo(generated.commands()).isEqualTo(events.size());
            return events;
        }
    }

    /** Aggregate, sequence number, event type and recorded time of every stored event, in the store's order. */
    private static List<String> storedEvents(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).query("SELECT aggregateIdentifier, sequenceNumber, payloadType, "
                + "timeStamp FROM DomainEventEntry ORDER BY globalIndex", (row, n) -> String.join(" ",
                        row.getString(1), row.getString(2), simpleName(row.getString(3)), row.getString(4)).strip());
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static Map<String, Integer> countsByType(List<String> events) {
        Map<String, Integer> counts = new TreeMap<>();
        events.forEach(event -> counts.merge(event.split(" ")[2], 1, Integer::sum));
        return counts;
    }
}
