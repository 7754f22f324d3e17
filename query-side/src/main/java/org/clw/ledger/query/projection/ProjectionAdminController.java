package org.clw.ledger.query.projection;

import java.util.List;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Callers;
import org.clw.ledger.query.live.LiveViews;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The projections (streaming processing groups): where each stands, once or live, and an online rebuild of one. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ProjectionProgress progress;
    private final Callers callers;
    private final LiveViews live;
    private final ObjectProvider<HeldProjections> held;

    ProjectionAdminController(ProjectionProgress progress, Callers callers, LiveViews live,
            ObjectProvider<HeldProjections> held) {
        this.progress = progress;
        this.callers = callers;
        this.live = live;
        this.held = held;
    }

    @GetMapping
    List<ProjectionStatus> projections() {
        return progress.statuses();
    }

    /** The same statuses as server-sent events: the first answer, then a new one whenever it changes. */
    @GetMapping("/live")
    SseEmitter liveProjections() {
        Caller caller = callers.current();
        return live.follow(caller, new ProjectionsQuery(caller),
                ResponseTypes.multipleInstancesOf(ProjectionStatus.class), "No projections");
    }

    /**
     * Clears the projection's read model (its {@code @ResetHandler}) and replays every event into it while the
     * service stays up; queries answer from the partial model until it has caught up again. Answers once the replay
     * has started; the listing shows its progress.
     */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = progress.processors().get(name);
        if (processor == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection " + name);
        }
        // Held stopped here for now (FirstStart, waiting for another instance's claim): a rebuild would start it.
        held.orderedStream().flatMap(hold -> hold.held(name).stream()).findFirst().ifPresent(reason -> {
            throw new ResponseStatusException(HttpStatus.CONFLICT, reason);
        });
        // Only the instance holding the segments can reset them; here the reset could not claim them.
        if (progress.processedElsewhere(name, processor)) {
            throw elsewhere();
        }
        processor.shutDown();
        try {
            processor.resetTokens();
            progress.restarted(name);
        } catch (UnableToClaimTokenException claimedMeanwhile) {
            throw elsewhere();
        } finally {
            // Whether or not the reset happened, the processor goes on processing, or standing by.
            processor.start();
        }
        return ResponseEntity.accepted().body(progress.status(name).orElseThrow());
    }

    private static ResponseStatusException elsewhere() {
        return new ResponseStatusException(HttpStatus.CONFLICT,
                "The projection is processed by another instance; rebuild it there");
    }
}
