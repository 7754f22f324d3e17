package org.clw.ledger.command.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates stay in memory between commands, so a command does not reload its aggregate's whole history. Safe with
 * several command-side instances too: Axon Server routes an aggregate's commands to one instance, and a stale copy
 * would fail the event store's sequence check rather than write.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCaching {

    @Bean("aggregateCache")
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /** A case that runs long is snapshotted every 100 events, so loading it never replays its whole history. */
    @Bean("caseSnapshots")
    SnapshotTriggerDefinition caseSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }
}
