package org.clw.ledger.events.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.clw.ledger.events.participant.SealedText;

/**
 * Revision 1 of {@link CaseClosed} and {@link OnwardReferralMade} to revision 2. Revision 2 holds the summary and the
 * organisation as {@link SealedText}, written as one string; revision 1's clear text reads as text stored in clear,
 * so the JSON is kept as stored (which also keeps its hash) and only its revision moves on. Readers show that text
 * only while the participant's key exists, as they do sealed text: after erasure it is withheld, though the stored
 * event (under its hash chain) still holds it.
 */
public class SealedFreeTextUpcaster extends SingleEventUpcaster {

    private static final Map<SimpleSerializedType, SimpleSerializedType> NEXT = Map.of(
            new SimpleSerializedType(CaseClosed.class.getName(), "1"),
            new SimpleSerializedType(CaseClosed.class.getName(), "2"),
            new SimpleSerializedType(OnwardReferralMade.class.getName(), "1"),
            new SimpleSerializedType(OnwardReferralMade.class.getName(), "2"));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return NEXT.containsKey(typeOf(representation));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(NEXT.get(typeOf(representation)), JsonNode.class, Function.identity());
    }

    private static SimpleSerializedType typeOf(IntermediateEventRepresentation representation) {
        return new SimpleSerializedType(representation.getType().getName(), representation.getType().getRevision());
    }
}
