package org.clw.ledger.command.linksworker;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.clw.ledger.command.domain.Creation;
import org.clw.ledger.command.dispatch.ExpectedVersionTargetResolver;
import org.clw.ledger.command.domain.InvalidCommand;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.command.registry.Registry;
import org.clw.ledger.events.linksworker.LinksWorkerCapacityChanged;
import org.clw.ledger.events.linksworker.LinksWorkerDeactivated;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.linksworker.LinksWorkerRegistered;
import org.clw.ledger.events.linksworker.LinksWorkerSettingsChanged;
import org.clw.ledger.events.setting.SettingId;

/** A links worker: where they work and how many cases they can hold. */
@Aggregate(cache = "aggregateCache", commandTargetResolver = ExpectedVersionTargetResolver.NAME)
class LinksWorker {

    @AggregateIdentifier
    private LinksWorkerId workerId;
    private LinksWorkerRegistered registration;
    private Set<SettingId> settings;
    private int capacity;
    private boolean active;

    LinksWorker() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RegisterLinksWorker command, Registry registry, Clock clock) {
        return Creation.registerOnce(registration, at -> registrationAt(command, at), clock, "Links worker",
                command.workerId(), () -> requireActiveSettings(command.settings(), registry));
    }

    @CommandHandler
    long handle(ChangeLinksWorkerSettings command, Registry registry, Clock clock) {
        requireActive();
        requireActiveSettings(command.settings(), registry);
        if (!command.settings().equals(settings)) {
            apply(new LinksWorkerSettingsChanged(workerId, command.settings(), clock.instant()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(ChangeLinksWorkerCapacity command, Clock clock) {
        requireActive();
        if (command.capacity() != capacity) {
            apply(new LinksWorkerCapacityChanged(workerId, command.capacity(), clock.instant()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(DeactivateLinksWorker command, Clock clock) {
        requireActive();
        apply(new LinksWorkerDeactivated(workerId, clock.instant()));
        return getVersion();
    }

    private void requireActive() {
        if (!active) {
            throw new RuleViolation("Links worker " + workerId + " has been deactivated");
        }
    }

    private static void requireActiveSettings(Set<SettingId> settings, Registry registry) {
        if (settings == null || settings.isEmpty()) {
            throw new InvalidCommand("settings", "a links worker covers at least one setting");
        }
        for (SettingId setting : settings) {
            switch (registry.setting(setting)) {
                case UNKNOWN -> throw new RuleViolation("Setting " + setting + " is not known");
                case RETIRED -> throw new RuleViolation("Setting " + setting + " is closed");
                case ACTIVE -> {
                }
            }
        }
    }

    private static LinksWorkerRegistered registrationAt(RegisterLinksWorker command, Instant at) {
        return new LinksWorkerRegistered(command.workerId(), command.name(), command.settings(), command.capacity(),
                at);
    }

    @EventSourcingHandler
    void on(LinksWorkerRegistered event) {
        workerId = event.workerId();
        registration = event;
        settings = event.settings();
        capacity = event.capacity();
        active = true;
    }

    @EventSourcingHandler
    void on(LinksWorkerSettingsChanged event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(LinksWorkerCapacityChanged event) {
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(LinksWorkerDeactivated event) {
        active = false;
    }
}
