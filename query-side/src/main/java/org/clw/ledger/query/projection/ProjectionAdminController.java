package org.clw.ledger.query.projection;

import java.util.List;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The projections (streaming processing groups): where each stands, and an online rebuild of one. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ProjectionProgress progress;

    ProjectionAdminController(ProjectionProgress progress) {
        this.progress = progress;
    }

    @GetMapping
    List<ProjectionStatus> projections() {
        return progress.statuses();
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
        processor.shutDown();
        processor.resetTokens();
        progress.restarted(name);
        processor.start();
        return ResponseEntity.accepted().body(progress.status(name).orElseThrow());
    }
}
