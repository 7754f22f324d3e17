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
 * until one is allocated, so does {@code registeredBy}.
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
    /** Who registered them: until a case of theirs is allocated, they see them as well as those who see the case. */
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
