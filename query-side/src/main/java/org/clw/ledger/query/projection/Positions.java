package org.clw.ledger.query.projection;

import org.axonframework.eventhandling.TrackingToken;

/** Where in the event stream a tracked event sits, for the documents that record it. */
public final class Positions {

    private Positions() {
    }

    public static long of(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
