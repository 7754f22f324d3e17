package org.clw.ledger.query.directory;

import java.util.ArrayList;
import java.util.Locale;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.events.directory.EntryProposed;
import org.clw.ledger.events.directory.OrganisationChanged;
import org.clw.ledger.events.directory.OrganisationProfile;
import org.clw.ledger.events.directory.OrganisationRegistered;
import org.clw.ledger.events.directory.ProposalAccepted;
import org.clw.ledger.events.directory.ProposalDeclined;
import org.clw.ledger.events.directory.ServiceAdded;
import org.clw.ledger.events.directory.ServiceChanged;
import org.clw.ledger.events.directory.ServiceEvent;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.directory.ServiceReopened;
import org.clw.ledger.events.directory.ServiceWithdrawn;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.projection.Staged;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The community directory's read models: {@code directory_organisations} and {@code directory_services}, one document
 * per organisation and per service. Each records the last event (sequence) of its aggregate it applied, so a
 * re-delivered event changes nothing. Proposed entries, {@code directory_proposals}, are kept by the same group, so
 * that a replay rebuilds them with the directory.
 */
@Component
@ProcessingGroup(DirectoryProjection.GROUP)
class DirectoryProjection {

    static final String GROUP = "directory";

    private final MongoOperations mongo;

    DirectoryProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(OrganisationRegistered event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeOrganisation(batch, event.organisationId().value(), sequence, token, organisation -> {
            describe(organisation, event.profile());
            organisation.registeredAt = event.occurredAt();
            organisation.changedAt = event.occurredAt();
        });
    }

    @EventHandler
    void on(OrganisationChanged event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeOrganisation(batch, event.organisationId().value(), sequence, token, organisation -> {
            describe(organisation, event.profile());
            organisation.changedAt = event.occurredAt();
        });
    }

    @EventHandler
    void on(ServiceAdded event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeService(batch, event, sequence, token, "ADDED", service -> {
            offer(service, event.offer());
            service.open = true;
            service.addedAt = event.occurredAt();
        });
    }

    @EventHandler
    void on(ServiceChanged event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeService(batch, event, sequence, token, "CHANGED", service -> offer(service, event.offer()));
    }

    @EventHandler
    void on(ServiceWithdrawn event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeService(batch, event, sequence, token, "WITHDRAWN", service -> service.open = false);
    }

    @EventHandler
    void on(ServiceReopened event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeService(batch, event, sequence, token, "REOPENED", service -> service.open = true);
    }

    @EventHandler
    void on(EntryProposed event, MetaData metaData, @SequenceNumber long sequence, TrackingToken token,
            ProjectionBatch batch) {
        Object actor = metaData.get(AuditKey.ACTOR_ID.key());
        changeProposal(batch, event.proposalId().value(), sequence, token, proposal -> {
            proposal.organisationName = event.organisationName();
            proposal.serviceName = event.offer().name();
            proposal.description = event.offer().description();
            proposal.needs = new ArrayList<>(event.offer().needs());
            proposal.areas = new ArrayList<>(event.offer().areas());
            proposal.programmeWide = event.offer().programmeWide();
            proposal.linkModes = new ArrayList<>(event.offer().linkModes());
            proposal.state = ProposalState.OPEN;
            proposal.proposedBy = actor == null ? null : actor.toString();
            proposal.proposedAt = event.occurredAt();
        });
    }

    @EventHandler
    void on(ProposalAccepted event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeProposal(batch, event.proposalId().value(), sequence, token, proposal -> {
            proposal.state = ProposalState.ACCEPTED;
            proposal.serviceId = event.service().value();
            proposal.decidedAt = event.occurredAt();
        });
    }

    @EventHandler
    void on(ProposalDeclined event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeProposal(batch, event.proposalId().value(), sequence, token, proposal -> {
            proposal.state = ProposalState.DECLINED;
            proposal.declineReason = event.reason();
            proposal.decidedAt = event.occurredAt();
        });
    }

    private static void changeProposal(ProjectionBatch batch, String id, long sequence, TrackingToken token,
            Consumer<ProposalDocument> change) {
        Staged writes = batch.stage();
        writes.update(ProposalDocument.COLLECTION, id, ProposalDocument.class, () -> ProposalDocument.of(id),
                proposal -> {
                    if (sequence <= proposal.version) {
                        return false;
                    }
                    change.accept(proposal);
                    proposal.version = sequence;
                    proposal.position = Positions.of(token);
                    return true;
                });
        batch.commit(writes);
    }

    private static void describe(OrganisationDocument organisation, OrganisationProfile profile) {
        organisation.name = profile.name();
        organisation.searchName = lower(profile.name());
        organisation.kind = profile.kind();
        organisation.website = profile.website();
        organisation.phone = profile.phone();
        organisation.email = profile.email();
    }

    private static void offer(ServiceDocument service, ServiceOffer offer) {
        service.name = offer.name();
        service.description = offer.description();
        service.needs = new ArrayList<>(offer.needs());
        service.areas = new ArrayList<>(offer.areas());
        service.programmeWide = offer.programmeWide();
        service.linkModes = new ArrayList<>(offer.linkModes());
        service.sortName = lower(offer.name());
        service.searchText = lower(offer.name() + " " + (offer.description() == null ? "" : offer.description()));
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static void changeOrganisation(ProjectionBatch batch, String id, long sequence, TrackingToken token,
            Consumer<OrganisationDocument> change) {
        Staged writes = batch.stage();
        writes.update(OrganisationDocument.COLLECTION, id, OrganisationDocument.class,
                () -> OrganisationDocument.of(id), organisation -> {
                    if (sequence <= organisation.version) {
                        return false;
                    }
                    change.accept(organisation);
                    organisation.version = sequence;
                    organisation.position = Positions.of(token);
                    return true;
                });
        batch.commit(writes);
    }

    private static void changeService(ProjectionBatch batch, ServiceEvent event, long sequence, TrackingToken token,
            String kind, Consumer<ServiceDocument> change) {
        String id = event.serviceId().value();
        Staged writes = batch.stage();
        writes.update(ServiceDocument.COLLECTION, id, ServiceDocument.class, () -> ServiceDocument.of(id), service -> {
            if (sequence <= service.version) {
                return false;
            }
            service.organisationId = event.organisationId().value();
            change.accept(service);
            ServiceDocument.Change entry = new ServiceDocument.Change();
            entry.change = kind;
            entry.occurredAt = event.occurredAt();
            entry.version = sequence;
            if (event instanceof ServiceAdded || event instanceof ServiceChanged) {
                entry.name = service.name;
                entry.needs = service.needs;
                entry.areas = service.areas;
                entry.programmeWide = service.programmeWide;
                entry.linkModes = service.linkModes;
            }
            service.history.add(entry);
            service.version = sequence;
            service.position = Positions.of(token);
            return true;
        });
        batch.commit(writes);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OrganisationDocument.COLLECTION);
        mongo.dropCollection(ServiceDocument.COLLECTION);
        mongo.dropCollection(ProposalDocument.COLLECTION);
        ensureIndexes();
    }

    /**
     * For a MongoDB server's search by need, area, organisation and order (the in-process server scans, and is fast
     * enough at thousands of services: BENCHMARKS.md).
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        var services = mongo.indexOps(ServiceDocument.COLLECTION);
        services.createIndex(new Index().on("needs", Sort.Direction.ASC));
        services.createIndex(new Index().on("areas", Sort.Direction.ASC));
        services.createIndex(new Index().on("organisationId", Sort.Direction.ASC));
        services.createIndex(new Index().on("open", Sort.Direction.DESC).on("sortName", Sort.Direction.ASC));
        mongo.indexOps(OrganisationDocument.COLLECTION).createIndex(new Index().on("searchName", Sort.Direction.ASC));
        var proposals = mongo.indexOps(ProposalDocument.COLLECTION);
        proposals.createIndex(new Index().on("state", Sort.Direction.ASC).on("proposedAt", Sort.Direction.ASC));
        proposals.createIndex(new Index().on("proposedBy", Sort.Direction.ASC));
    }
}
