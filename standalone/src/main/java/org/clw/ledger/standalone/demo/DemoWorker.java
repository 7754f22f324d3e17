package org.clw.ledger.standalone.demo;

import java.time.Instant;
import java.util.List;
import java.util.PriorityQueue;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.setting.SettingId;

/** A links worker of the demo programme, and the planner's view of their open cases over time. */
final class DemoWorker {

    final LinksWorkerId id;
    final String name;
    final List<SettingId> settings;
    final int capacity;
    /** When the worker leaves; null while they stay all year. */
    Instant leavesAt;
    /** When the worker joins, for one who replaces a leaver; null for those there from the start. */
    Instant joinsAt;
    private final PriorityQueue<Instant> openCasesClosing = new PriorityQueue<>();

    DemoWorker(LinksWorkerId id, String name, List<SettingId> settings, int capacity) {
        this.id = id;
        this.name = name;
        this.settings = List.copyOf(settings);
        this.capacity = capacity;
    }

    boolean availableAt(Instant at) {
        return leavesAt == null || at.isBefore(leavesAt);
    }

    boolean joinsAfter(Instant at) {
        return joinsAt != null && at.isBefore(joinsAt);
    }

    int openCasesAt(Instant at) {
        while (!openCasesClosing.isEmpty() && !openCasesClosing.peek().isAfter(at)) {
            openCasesClosing.poll();
        }
        return openCasesClosing.size();
    }

    /** @param closesAt when the case will close, or {@link Instant#MAX} when it stays open */
    void take(Instant closesAt) {
        openCasesClosing.add(closesAt);
    }
}
