package org.clw.ledger.query.referral;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * The stored document of the {@code cases} read model: a case's folded state, and where in the event stream each of
 * its events was read (so that the case as of an earlier version can say where it stood, too).
 */
public class CaseSummary {

    public static final String COLLECTION = org.clw.ledger.query.projection.Collections.CASES;

    @Id
    private String referralId;
    /** The stream position of the last event applied. */
    private long position = -1;
    /** The stream position of each applied event, by its sequence number (-1 where none was read). */
    private List<Long> positions = new ArrayList<>();
    private CaseState state;

    static CaseSummary of(CaseState state, CaseSummary previous, long position) {
        CaseSummary summary = new CaseSummary();
        summary.referralId = state.referralId();
        summary.position = position;
        summary.positions = new ArrayList<>(previous == null ? List.of() : previous.positions);
        while (summary.positions.size() < state.version()) {
            summary.positions.add(-1L);
        }
        summary.positions.add(position);
        summary.state = state;
        return summary;
    }

    public String referralId() {
        return referralId;
    }

    public long position() {
        return position;
    }

    /** Where the case's event with that sequence number was read; -1 when not known (yet). */
    long positionOf(long version) {
        return version >= 0 && version < positions.size() ? positions.get((int) version) : -1;
    }

    public CaseState state() {
        return state;
    }
}
