package org.clw.ledger.standalone.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.clw.ledger.command.participant.RegisterParticipant;
import org.clw.ledger.command.referral.RecordOnwardReferral;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.events.ProgrammeCalendar;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plays the demo programme into an empty store through the real command handlers, in time order, on a background
 * thread: progress every few seconds, a summary at the end, then the time the projections took to catch up. Like
 * any bulk import, it pauses the projections meanwhile: they then catch up in full batches instead of competing
 * for the CPU one small batch at a time. Refused commands are counted by type, never logged with their content.
 * The application closing meanwhile ends it early, which is logged as such, not as a failure.
 */
class DemoGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoGenerator.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final DemoProperties properties;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final ProjectionProgress projections;
    private final EventProcessingConfiguration processing;
    private final PersonalDetailsCipher cipher;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopping;

    DemoGenerator(DemoProperties properties, CommandGateway commands, JdbcTemplate jdbc,
            ProjectionProgress projections, EventProcessingConfiguration processing, PersonalDetailsCipher cipher) {
        this.properties = properties;
        this.cipher = cipher;
        this.commands = commands;
        this.jdbc = jdbc;
        this.projections = projections;
        this.processing = processing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void generateOnAnEmptyStore() {
        if (storedEvents() > 0) {
            log.info("Demo programme not generated: the event store already holds {} events", storedEvents());
            return;
        }
        if (started.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> {
                try {
                    generate();
                } catch (RuntimeException failure) {
                    if (stopping) {
                        // The stores and processors it was using are closing under it.
                        log.info("Demo programme stopped before the demo finished: the application is closing");
                    } else {
                        log.error("Demo programme failed", failure);
                    }
                }
            }, "demo-programme");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Published before any bean is stopped or destroyed, so every failure the close causes comes after it. */
    @EventListener(ContextClosedEvent.class)
    void applicationClosing() {
        stopping = true;
    }

    private void generate() {
        long begun = System.nanoTime();
        LocalDate lastDay = properties.lastDay() != null ? properties.lastDay()
                : LocalDate.now(ProgrammeCalendar.ZONE).minusDays(1);
        log.info("Demo programme: planning {} referrals over the year to {} (seed {})", properties.referrals(),
                lastDay, properties.seed());
        DemoPlan plan = new DemoPlan(properties.seed(), properties.referrals(), lastDay);
        int total = plan.commands();
        log.info("Demo programme: {} settings, {} links workers, {} directory organisations with {} services, "
                + "{} participants, {} referrals: {} commands", plan.programme.settings.size(),
                plan.programme.workers.size(), plan.directory.organisations, plan.directory.services,
                plan.participants, plan.cases.size(), total);
        Map<String, Integer> refused = new TreeMap<>();
        long sent = 0;
        long lastReport = System.nanoTime();
        List<StreamingEventProcessor> paused = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        paused.forEach(StreamingEventProcessor::shutDown);
        try {
            for (Step step : inTimeOrder(plan)) {
                if (stopping) {
                    log.info("Demo programme stopped before the demo finished: the application closed after {} of {}"
                            + " commands", sent, total);
                    return;
                }
                send(step, sent, refused);
                sent++;
                if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                    lastReport = System.nanoTime();
                    double seconds = (lastReport - begun) / 1e9;
                    log.info("Demo programme: {}% ({} of {} commands, {} commands/s)", sent * 100 / total, sent,
                            total, Math.round(sent / seconds));
                }
            }
        } finally {
            DemoClock.stopSimulating();
            if (!stopping) {
                paused.forEach(StreamingEventProcessor::start);
            }
        }
        double seconds = (System.nanoTime() - begun) / 1e9;
        log.info("Demo programme generated in {} s: {} commands ({} commands/s), {} events stored, refused: {}",
                Math.round(seconds), sent, Math.round(sent / seconds), storedEvents(), refused);
        awaitProjections(begun);
    }

    private void send(Step step, long number, Map<String, Integer> refused) {
        DemoClock.simulate(step.at());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command(step)).andMetaData(Map.of(
                    AuditKey.ACTOR_ID.key(), step.actorId(),
                    AuditKey.ACTOR_ROLE.key(), step.role(),
                    AuditKey.REQUEST_ID.key(), "demo-" + number,
                    AuditKey.CORRELATION_ID.key(), step.correlationId())));
        } catch (RuntimeException refusal) {
            refused.merge(step.command().getClass().getSimpleName(), 1, Integer::sum);
            if (refused.values().stream().mapToInt(Integer::intValue).sum() <= 5) {
                log.warn("Demo programme: a {} was refused: {}", step.command().getClass().getSimpleName(),
                        refusal.getMessage());
            }
        }
    }

    private Object command(Step step) {
        if (step.command() instanceof DemoOnwardReferral onward) {
            return onward.service() != null
                    ? RecordOnwardReferral.toService(onward.referralId(), onward.onwardReferralId(), onward.service(),
                            onward.need(), onward.kind())
                    : RecordOnwardReferral.outsideDirectory(onward.referralId(), onward.onwardReferralId(),
                            cipher.sealText(onward.participantId(), onward.organisation()), onward.need(),
                            onward.kind());
        }
        return step.command() instanceof DemoRegistration registration
                ? new RegisterParticipant(registration.participantId(),
                        cipher.seal(registration.participantId(), registration.details()), registration.demographics())
                : step.command();
    }

    private void awaitProjections(long begun) {
        long caughtUpFrom = System.nanoTime();
        // Their progress is logged meanwhile by the query side's CatchUpLog, as after any restart.
        while (true) {
            // Checked first: once the application closes, the projections' beans may be gone before this thread runs.
            if (stopping) {
                log.info("Demo programme stopped before the demo finished: the application closed while the"
                        + " projections were catching up");
                return;
            }
            if (projections.caughtUp()) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("Demo programme: projections caught up {} s after generation ended; {} s in all",
                Math.round((System.nanoTime() - caughtUpFrom) / 1e9), Math.round((System.nanoTime() - begun) / 1e9));
    }

    /** The registry's steps and every case's steps merged by time; ties keep the plan's order. */
    private static Iterable<Step> inTimeOrder(DemoPlan plan) {
        List<List<Step>> streams = new java.util.ArrayList<>();
        streams.add(plan.registry);
        streams.addAll(plan.cases);
        record Cursor(int stream, int index, Step step) {
        }
        PriorityQueue<Cursor> queue = new PriorityQueue<>((a, b) -> {
            int byTime = a.step.at().compareTo(b.step.at());
            return byTime != 0 ? byTime : Integer.compare(a.stream, b.stream);
        });
        for (int i = 0; i < streams.size(); i++) {
            if (!streams.get(i).isEmpty()) {
                queue.add(new Cursor(i, 0, streams.get(i).get(0)));
            }
        }
        return () -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return !queue.isEmpty();
            }

            @Override
            public Step next() {
                Cursor cursor = queue.poll();
                List<Step> stream = streams.get(cursor.stream);
                if (cursor.index + 1 < stream.size()) {
                    queue.add(new Cursor(cursor.stream, cursor.index + 1, stream.get(cursor.index + 1)));
                }
                return cursor.step;
            }
        };
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }
}
