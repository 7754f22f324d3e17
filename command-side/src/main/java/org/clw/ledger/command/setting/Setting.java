package org.clw.ledger.command.setting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.clw.ledger.command.domain.Creation;
import org.clw.ledger.command.dispatch.ExpectedVersionTargetResolver;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.events.setting.SettingClosed;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingRegistered;

/** A place links workers work in. Command handlers return the aggregate's version after the command. */
@Aggregate(cache = "aggregateCache", commandTargetResolver = ExpectedVersionTargetResolver.NAME)
class Setting {

    @AggregateIdentifier
    private SettingId settingId;
    private SettingRegistered registration;
    private boolean closed;

    Setting() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RegisterSetting command, Clock clock) {
        return Creation.registerOnce(registration, at -> registrationAt(command, at), clock, "Setting",
                command.settingId(), () -> { });
    }

    @CommandHandler
    long handle(CloseSetting command, Clock clock) {
        if (closed) {
            throw new RuleViolation("Setting " + settingId + " is already closed");
        }
        apply(new SettingClosed(settingId, clock.instant()));
        return getVersion();
    }

    private static SettingRegistered registrationAt(RegisterSetting command, Instant at) {
        return new SettingRegistered(command.settingId(), command.name(), command.type(), command.hscp(),
                command.practiceCode(), command.deepEnd(), at);
    }

    @EventSourcingHandler
    void on(SettingRegistered event) {
        settingId = event.settingId();
        registration = event;
    }

    @EventSourcingHandler
    void on(SettingClosed event) {
        closed = true;
    }
}
