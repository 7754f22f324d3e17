package org.clw.ledger.standalone.demo;

import java.time.Instant;

/**
 * One command of the demo programme: what is done, when, by whom; commands about one case share a correlation id.
 */
record Step(Instant at, String actorId, String role, Object command, String correlationId) {
}
