package org.clw.ledger.query.projection;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.clw.ledger.api.security.Role;
import org.clw.ledger.query.live.Changed;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The projections' statuses as a live view. A status moves with time as well as with batches (its rate is over the
 * last ten seconds), so, while anyone follows it, this instance compares the statuses every second with those it
 * last announced and announces a change; nobody's browser polls. Both use the statuses sampled every second, so
 * followers cost the token store nothing.
 */
@Component
class ProjectionUpdates {

    private final ProjectionProgress progress;
    private final QueryUpdateEmitter emitter;
    private List<ProjectionStatus> announced = List.of();

    ProjectionUpdates(ProjectionProgress progress, QueryUpdateEmitter emitter) {
        this.progress = progress;
        this.emitter = emitter;
    }

    @QueryHandler
    List<ProjectionStatus> statuses(ProjectionsQuery query) {
        if (query.caller().role() != Role.ADMIN) {
            throw new AccessDeniedException("The projections are for admins");
        }
        return progress.sampled();
    }

    @Scheduled(fixedDelay = 1000)
    void announce() {
        boolean followed = emitter.activeSubscriptions().stream()
                .anyMatch(subscription -> subscription.getPayload() instanceof ProjectionsQuery);
        if (!followed) {
            announced = List.of();
            return;
        }
        List<ProjectionStatus> now = progress.sampled();
        if (!now.equals(announced)) {
            Set<String> changed = now.stream().filter(status -> !announced.contains(status))
                    .map(ProjectionStatus::name).collect(Collectors.toSet());
            announced = now;
            emitter.emit(ProjectionsQuery.class, Objects::nonNull, new Changed(changed));
        }
    }
}
