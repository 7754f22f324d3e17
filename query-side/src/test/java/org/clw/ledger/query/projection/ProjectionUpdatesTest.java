package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Role;
import org.clw.ledger.query.live.Changed;
import org.junit.jupiter.api.Test;

/** The live projection statuses come from the statuses sampled every second, not from the token store per follower. */
class ProjectionUpdatesTest {

    /** Progress whose fresh statuses count how often they are asked for (each asks the token store per projection). */
    static class SampledProgress extends ProjectionProgress {

        List<ProjectionStatus> sample;
        int freshQueries;

        SampledProgress(List<ProjectionStatus> sample) {
            super(null, null, null, null, null, null, null, false);
            this.sample = sample;
        }

        @Override
        public List<ProjectionStatus> statuses() {
            freshQueries++;
            return sample;
        }

        @Override
        List<ProjectionStatus> sampled() {
            return sample;
        }
    }

    private static ProjectionStatus status(String name, long position) {
        return new ProjectionStatus(name, true, false, false, position, 100, 100 - position, 0, null, null,
                "catching up");
    }

    @Test
    void a_followed_view_answers_and_announces_changes_from_the_sampled_statuses_without_querying_the_store() {
        SampledProgress progress = new SampledProgress(List.of(status("cases", 10), status("settings", 20)));
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        ProjectionUpdates updates = new ProjectionUpdates(progress, emitter);
        ProjectionsQuery query = new ProjectionsQuery(new Caller("admin", Role.ADMIN, null, Set.of()));
        List<Object> announced = new CopyOnWriteArrayList<>();
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(query,
                        ResponseTypes.multipleInstancesOf(ProjectionStatus.class),
                        ResponseTypes.instanceOf(Changed.class)), 16)
                .getUpdates().subscribe(update -> announced.add(update.getPayload()));

        assertThat(updates.statuses(query)).isEqualTo(progress.sample);
        updates.announce();
        progress.sample = List.of(status("cases", 10), status("settings", 30));
        updates.announce();
        updates.announce();

        assertThat(announced).containsExactly(new Changed(Set.of("cases", "settings")), new Changed(Set.of("settings")));
        assertThat(progress.freshQueries).isZero();
    }
}
