package org.clw.ledger.command.linksworker;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clw.ledger.command.domain.InvalidCommand;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.command.registry.FakeRegistry;
import org.clw.ledger.command.registry.Registry.Standing;
import org.clw.ledger.events.linksworker.LinksWorkerCapacityChanged;
import org.clw.ledger.events.linksworker.LinksWorkerDeactivated;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.linksworker.LinksWorkerRegistered;
import org.clw.ledger.events.linksworker.LinksWorkerSettingsChanged;
import org.clw.ledger.events.setting.SettingId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinksWorkerTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final LinksWorkerId WORKER = new LinksWorkerId("lw-1");
    static final SettingId PRACTICE = new SettingId("gp-46110");
    static final SettingId FOODBANK = new SettingId("fb-1");
    static final SettingId CLOSED = new SettingId("gp-closed");
    static final LinksWorkerRegistered REGISTERED = new LinksWorkerRegistered(WORKER, "Alex Worker",
            Set.of(PRACTICE), 40, Instant.parse("2026-01-01T00:00:00Z"));

    AggregateTestFixture<LinksWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LinksWorker.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new FakeRegistry()
                .setting(PRACTICE, Standing.ACTIVE)
                .setting(FOODBANK, Standing.ACTIVE)
                .setting(CLOSED, Standing.RETIRED));
    }

    @Test
    void a_worker_is_registered_with_settings_and_capacity() {
        fixture.givenNoPriorActivity().when(new RegisterLinksWorker(WORKER, "Alex Worker", Set.of(PRACTICE), 40))
                .expectEvents(new LinksWorkerRegistered(WORKER, "Alex Worker", Set.of(PRACTICE), 40, NOW));
    }

    @Test
    void registering_the_same_worker_again_changes_nothing() {
        fixture.given(REGISTERED).when(new RegisterLinksWorker(WORKER, "Alex Worker", Set.of(PRACTICE), 40))
                .expectNoEvents();
    }

    @Test
    void registering_a_different_worker_under_the_same_id_is_a_conflict() {
        fixture.given(REGISTERED).when(new RegisterLinksWorker(WORKER, "Sam Other", Set.of(PRACTICE), 40))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_worker_covering_a_closed_setting_is_refused() {
        fixture.givenNoPriorActivity().when(new RegisterLinksWorker(WORKER, "Alex", Set.of(PRACTICE, CLOSED), 40))
                .expectException(RuleViolation.class).expectExceptionMessage("Setting gp-closed is closed");
    }

    @Test
    void a_worker_covering_an_unknown_setting_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLinksWorker(WORKER, "Alex", Set.of(new SettingId("gp-404")), 40))
                .expectException(RuleViolation.class).expectExceptionMessage("Setting gp-404 is not known");
    }

    @Test
    void a_worker_covering_no_setting_is_refused() {
        fixture.givenNoPriorActivity().when(new RegisterLinksWorker(WORKER, "Alex", Set.of(), 40))
                .expectException(InvalidCommand.class);
    }

    @Test
    void the_settings_a_worker_covers_change_as_a_whole() {
        fixture.given(REGISTERED).when(new ChangeLinksWorkerSettings(WORKER, Set.of(PRACTICE, FOODBANK)))
                .expectEvents(new LinksWorkerSettingsChanged(WORKER, Set.of(PRACTICE, FOODBANK), NOW));
    }

    @Test
    void changing_to_the_same_settings_changes_nothing() {
        fixture.given(REGISTERED).when(new ChangeLinksWorkerSettings(WORKER, Set.of(PRACTICE))).expectNoEvents();
    }

    @Test
    void a_worker_capacity_changes() {
        fixture.given(REGISTERED).when(new ChangeLinksWorkerCapacity(WORKER, 30))
                .expectEvents(new LinksWorkerCapacityChanged(WORKER, 30, NOW));
    }

    @Test
    void a_worker_is_deactivated_and_then_takes_no_changes() {
        fixture.given(REGISTERED).when(new DeactivateLinksWorker(WORKER))
                .expectEvents(new LinksWorkerDeactivated(WORKER, NOW));
        fixture.given(REGISTERED, new LinksWorkerDeactivated(WORKER, NOW))
                .when(new ChangeLinksWorkerCapacity(WORKER, 30))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Links worker lw-1 has been deactivated");
    }
}
