package org.clw.ledger.events.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 2 of {@link OnwardReferralMade} to revision 3. Revision 3 may name a directory service instead of free
 * text; a revision 2 event names none and has its free text, which revision 3 writes exactly as revision 2 did, so
 * the JSON is kept as stored (which also keeps its hash) and only its revision moves on. Runs after
 * {@link SealedFreeTextUpcaster}, which brings revision 1 to 2.
 */
public class DirectoryServiceUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(OnwardReferralMade.class.getName(), "2");
    private static final SimpleSerializedType REVISION_3 =
            new SimpleSerializedType(OnwardReferralMade.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_2.equals(new SimpleSerializedType(representation.getType().getName(),
                representation.getType().getRevision()));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, Function.identity());
    }
}
