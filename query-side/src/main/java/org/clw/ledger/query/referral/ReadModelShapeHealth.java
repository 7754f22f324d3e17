package org.clw.ledger.query.referral;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Not ready while the {@code cases} read models are in an older shape that this instance cannot build again yet,
 * because another instance holds the group's claim ({@link FirstStart}): its answers would come from documents the
 * queries no longer read.
 */
@Component("readModelShape")
class ReadModelShapeHealth implements HealthIndicator {

    private final FirstStart firstStart;

    ReadModelShapeHealth(FirstStart firstStart) {
        this.firstStart = firstStart;
    }

    @Override
    public Health health() {
        return firstStart.waitingIn().stream()
                .mapToObj(older -> Health.outOfService()
                        .withDetail("reason", "the cases read models are in shape %d, this release reads shape %d; "
                                .formatted(older, FirstStart.SHAPE)
                                + "another instance holds the cases group's claim: they are built again here once it"
                                + " releases it (or its claim expires), or once an instance of this release has")
                        .build())
                .findFirst()
                .orElseGet(() -> Health.up().withDetail("shape", FirstStart.SHAPE).build());
    }
}
