package org.clw.ledger.command.directory;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.directory.EntryProposed;
import org.clw.ledger.events.directory.OrganisationChanged;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationProfile;
import org.clw.ledger.events.directory.OrganisationRegistered;
import org.clw.ledger.events.directory.ProposalId;
import org.clw.ledger.events.directory.ServiceAdded;
import org.clw.ledger.events.directory.ServiceChanged;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceReopened;
import org.clw.ledger.events.directory.ServiceWithdrawn;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingRegistered;
import org.springframework.stereotype.Component;

/**
 * What the directory's commands need to know of other aggregates, read from their streams in the event store (the
 * source of truth, in either topology): the areas of the settings a manager manages, whether an organisation is
 * registered, and a directory entry as it now stands. Each is a handful of events read by aggregate id, so no
 * registry table (and no backfill of one) is needed.
 */
@Component
class DirectoryLookup implements ServiceDirectory {

    private final EventStore events;

    DirectoryLookup(EventStore events) {
        this.events = events;
    }

    /** The HSCPs of these settings: a manager keeps the directory for the areas of the settings they manage. */
    Set<Hscp> areasOf(Set<String> settings) {
        Set<Hscp> areas = EnumSet.noneOf(Hscp.class);
        for (String setting : settings) {
            try {
                areaOf(new SettingId(setting)).ifPresent(areas::add);
            } catch (IllegalArgumentException notASettingId) {
                // A login's configured setting that is no valid id manages nothing.
            }
        }
        return areas;
    }

    /** The organisation as it now stands; empty when none is registered under this id. */
    Optional<OrganisationProfile> organisation(OrganisationId organisationId) {
        OrganisationProfile profile = null;
        for (Object event : stream(organisationId.value())) {
            if (event instanceof OrganisationRegistered registered) {
                profile = registered.profile();
            } else if (event instanceof OrganisationChanged changed) {
                profile = changed.profile();
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(profile);
    }

    @Override
    public Optional<Hscp> areaOf(SettingId settingId) {
        return first(settingId.value())
                .filter(SettingRegistered.class::isInstance)
                .map(registered -> ((SettingRegistered) registered).hscp());
    }

    @Override
    public Optional<ServiceEntry> service(ServiceId serviceId) {
        ServiceEntry entry = null;
        for (Object event : stream(serviceId.value())) {
            if (event instanceof ServiceAdded added) {
                entry = new ServiceEntry(added.organisationId(), added.offer(), true);
            } else if (event instanceof ServiceChanged changed && entry != null) {
                entry = new ServiceEntry(entry.organisationId(), changed.offer(), entry.open());
            } else if (event instanceof ServiceWithdrawn && entry != null) {
                entry = new ServiceEntry(entry.organisationId(), entry.offer(), false);
            } else if (event instanceof ServiceReopened && entry != null) {
                entry = new ServiceEntry(entry.organisationId(), entry.offer(), true);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(entry);
    }

    /** What was proposed; empty when no proposal has this id. */
    Optional<EntryProposed> proposal(ProposalId proposalId) {
        return first(proposalId.value()).filter(EntryProposed.class::isInstance).map(EntryProposed.class::cast);
    }

    private Optional<Object> first(String aggregateId) {
        return events.readEvents(aggregateId, 0).asStream().findFirst().map(DomainEventMessage::getPayload);
    }

    private Iterable<Object> stream(String aggregateId) {
        return events.readEvents(aggregateId, 0).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }
}
