package org.clw.ledger.query.projection;

/**
 * Where one projection (streaming processing group) stands.
 *
 * @param position        the global position of the last event it processed (-1: none yet); for a projection
 *                        processed by another instance, that instance's stored position
 * @param headPosition    the position of the newest event in the store
 * @param lag             how many positions it is behind the head
 * @param eventsPerSecond its recent processing rate
 * @param replayPercent   while replaying, how far the replay has got (0-100); null otherwise
 * @param etaSeconds      at the recent rate, seconds until it has caught up; 0 when caught up, null when it is not
 *                        moving
 * @param state           whether it is caught up on this instance ({@code caught up}, {@code caught up on another
 *                        instance}) or why not ({@code catching up}, {@code failing}, ...), as readiness reports it
 */
public record ProjectionStatus(String name, boolean running, boolean replaying, boolean error, long position,
                               long headPosition, long lag, double eventsPerSecond, Double replayPercent,
                               Long etaSeconds, String state) {
}
