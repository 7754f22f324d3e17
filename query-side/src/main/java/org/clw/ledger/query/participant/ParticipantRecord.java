package org.clw.ledger.query.participant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.TreeSet;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.SealedDetails;
import org.springframework.data.annotation.Id;

/**
 * A participant as the read models know them: details only sealed, as in the event; after erasure, none at all.
 * {@code referralIds} names their cases, so a read of their details can be checked against who may see those cases;
 * before there is one, {@code registeredBy} decides.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class ParticipantRecord {

    public static final String COLLECTION = "participants";

    @Id
    String participantId;
    long version = -1;
    long position = -1;
    SealedDetails personalDetails;
    Demographics demographics;
    Instant registeredAt;
    /** Who registered them: until they have a case, the only links worker or manager who may see them. */
    String registeredBy;
    boolean erased;
    Instant erasedAt;
    TreeSet<String> referralIds = new TreeSet<>();

    public String participantId() {
        return participantId;
    }

    public boolean erased() {
        return erased;
    }

    public TreeSet<String> referralIds() {
        return referralIds;
    }
}
