package org.clw.ledger.events.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 of {@link OnwardReferralOutcomeRecorded} to revision 2. Revision 2 only added the optional
 * {@code correctionReason}, so a revision-1 payload is a revision-2 outcome that was not a correction: the JSON is
 * kept as stored (which also keeps its hash) and only its revision moves on.
 */
public class OnwardReferralOutcomeRecordedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(OnwardReferralOutcomeRecorded.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(OnwardReferralOutcomeRecorded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, Function.identity());
    }
}
