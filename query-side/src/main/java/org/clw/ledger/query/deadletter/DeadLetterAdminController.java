package org.clw.ledger.query.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** For admins: the events each projection failed on, to retry once the cause is fixed, or to evict. */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterAdminController {

    /** The most sequences listed per group; the count is always whole. */
    private static final int LISTED_SEQUENCES = 100;
    /** Retrying stops after this many sequences in one request, so that a large queue cannot hold it forever. */
    private static final int RETRIED_SEQUENCES = 10_000;

    private final EventProcessingConfiguration processing;
    private final EventProcessorProperties processors;

    DeadLetterAdminController(EventProcessingConfiguration processing, EventProcessorProperties processors) {
        this.processing = processing;
        this.processors = processors;
    }

    /** @param cause the exception's type and message (never personal data: no handler puts any in a message) */
    record Letter(String messageId, String eventType, long aggregateSequence, Instant enqueuedAt,
                  Instant lastTouched, String cause) {
    }

    record Sequence(String sequenceId, List<Letter> letters) {
    }

    record GroupLetters(String processingGroup, long deadLetters, long sequences, List<Sequence> firstSequences) {
    }

    record Retried(String processingGroup, int sequencesProcessed, long deadLettersLeft) {
    }

    @GetMapping
    List<GroupLetters> list() {
        List<GroupLetters> groups = new ArrayList<>();
        processors.getProcessors().keySet().stream().sorted().forEach(group -> processing.deadLetterQueue(group)
                .ifPresent(queue -> groups.add(new GroupLetters(group, queue.size(), queue.amountOfSequences(),
                        sequences(queue)))));
        return groups;
    }

    /** Hands each dead sequence back to the projection, oldest first; a letter that fails again stays queued. */
    @PostMapping("/{group}/retry")
    Retried retry(@PathVariable String group) {
        var processor = processing.sequencedDeadLetterProcessor(group).orElseThrow(() -> unknown(group));
        int processed = 0;
        while (processed < RETRIED_SEQUENCES && processor.processAny()) {
            processed++;
        }
        return new Retried(group, processed, queue(group).size());
    }

    /** Gives up on one sequence: its events stay in the event store but this projection will not apply them. */
    @DeleteMapping("/{group}/{sequenceId}")
    Retried evict(@PathVariable String group, @PathVariable String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        if (!queue.contains(sequenceId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No dead letters for " + sequenceId);
        }
        queue.deadLetterSequence(sequenceId).forEach(queue::evict);
        return new Retried(group, 0, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> unknown(group));
    }

    private static ResponseStatusException unknown(String group) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection " + group);
    }

    private static List<Sequence> sequences(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (sequences.size() == LISTED_SEQUENCES) {
                break;
            }
            List<Letter> letters = StreamSupport.stream(sequence.spliterator(), false).map(letter -> {
                EventMessage<?> event = letter.message();
                return new Letter(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                        event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1,
                        letter.enqueuedAt(), letter.lastTouched(),
                        letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null));
            }).toList();
            String sequenceId = letters.isEmpty() ? null
                    : sequence.iterator().next().message() instanceof DomainEventMessage<?> domain
                    ? domain.getAggregateIdentifier() : null;
            sequences.add(new Sequence(sequenceId, letters));
        }
        return sequences;
    }
}
