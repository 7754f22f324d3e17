package org.clw.ledger.standalone.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, except on a thread that is replaying the demo programme: there it reads the simulated time of
 * the command being sent, so the real command handlers date their events across the demo year.
 */
final class DemoClock extends Clock {

    private static final ThreadLocal<Instant> SIMULATED = new ThreadLocal<>();

    static void simulate(Instant at) {
        SIMULATED.set(at);
    }

    static void stopSimulating() {
        SIMULATED.remove();
    }

    @Override
    public Instant instant() {
        Instant simulated = SIMULATED.get();
        return simulated != null ? simulated : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The demo clock is UTC");
    }
}
