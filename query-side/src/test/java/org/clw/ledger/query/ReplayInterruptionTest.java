package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.clw.ledger.query.projection.ProjectionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Processors stopped and started again, over and over, while they replay the fixed history in batches of three
 * events: each restart resumes from the last stored token, and the rebuilt read models (statistics included) are
 * exactly those of an uninterrupted build.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "spring.application.name=replay-interruption",
        "axon.eventhandling.processors.cases.batch-size=3",
        "axon.eventhandling.processors.settings.batch-size=3",
        "axon.eventhandling.processors.participants.batch-size=3"})
@Import(InMemoryEvents.class)
class ReplayInterruptionTest {

    private static final List<String> COLLECTIONS = List.of("cases", "caseloads", "waiting_lists", "statistics",
            "statistics_by_setting", "timeline", "programme", "audit_trail", "settings", "participants");

    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoOperations mongo;

    @Test
    void stopping_and_starting_processors_mid_replay_counts_nothing_twice() throws Exception {
        FixedHistory.publish(eventStore);
        InMemoryEvents.awaitCaughtUp(progress, processing);
        Map<String, List<String>> built = snapshot();

        int interruptedMidReplay = 0;
        List<Double> replayPercents = new java.util.ArrayList<>();
        for (StreamingEventProcessor processor : processors()) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            // Stop it whenever it has made progress in its replay since it was last started, until it gets through.
            long lastStop = -1;
            for (int round = 0; round < 500 && !finished(processor) && interruptedMidReplay < 50; round++) {
                long position = position(processor);
                if (processor.isReplaying() && position > lastStop && position > 0) {
                    progress.status(processor.getName()).map(ProjectionStatus::replayPercent)
                            .ifPresent(replayPercents::add);
                    processor.shutdownAsync().get(30, TimeUnit.SECONDS);
                    processor.start();
                    lastStop = position;
                    interruptedMidReplay++;
                }
                Thread.sleep(20);
            }
        }
        InMemoryEvents.awaitCaughtUp(progress, processing);

        System.out.printf("Replay interruption: %d stops mid-replay%n", interruptedMidReplay);
        assertThat(interruptedMidReplay).as("stops that landed mid-replay").isPositive();
        assertThat(snapshot()).isEqualTo(built);
        assertThat(replayPercents).as("replay progress seen mid-replay").isNotEmpty()
                .allSatisfy(percent -> assertThat(percent).isBetween(0.0, 100.0))
                .anySatisfy(percent -> assertThat(percent).isStrictlyBetween(0.0, 100.0));
    }

    /** Caught up after the replay; false while it has not even claimed its segment since it was started. */
    private static boolean finished(StreamingEventProcessor processor) {
        return !processor.processingStatus().isEmpty() && !processor.isReplaying()
                && processor.processingStatus().values().stream().allMatch(segment -> segment.isCaughtUp());
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0)).max().orElse(0);
    }

    private List<StreamingEventProcessor> processors() {
        return InMemoryEvents.streamingProcessors(processing);
    }

    private Map<String, List<String>> snapshot() {
        return InMemoryEvents.documents(mongo, COLLECTIONS);
    }
}
