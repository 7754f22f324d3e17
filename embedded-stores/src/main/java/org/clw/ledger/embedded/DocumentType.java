package org.clw.ledger.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collections: a document is stored as a marker byte and its BSON, not
 * Java-serialised with its class descriptors as mongo-java-server's H2 backend does (that serialisation, and reading
 * it back, were ~15% of a projection rebuild's CPU, and its output several times the BSON's size). Values that H2
 * wrote (a file of an earlier release) start with one of H2's own type tags, never with {@link #BSON}, and are read
 * as before; pages are rewritten in the new form as they change. A document whose BSON would not read back equal (a
 * time finer than a millisecond, a value BSON has no type for) is still stored H2's way.
 */
final class DocumentType extends ObjectDataType {

    /** Not one of H2's {@link ObjectDataType} tags (0-19, 32-49, 64-119). */
    static final byte BSON = 127;

    /** One encoding buffer per thread: pages are written by the committing thread and H2's own. */
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(8_192));

    /**
     * A running average of the BSON sizes written to one collection (one type per collection's map, as H2's
     * serialised-object type keeps one average per map: a collection of large tables beside one of small buckets must
     * not share an estimate). H2 counts the estimate against its page cache and splits a page once the estimate passes
     * its split size.
     */
    private volatile int averageSize = 1_024;
    /**
     * A decoded document's heap (maps, boxed values, strings) is several times its BSON, and the estimate also sets
     * how many documents share a page, all of which are encoded again when one of them changes: at the BSON size
     * itself, pages held about five times the documents they held before and a scattered rewrite took 20.4 s where
     * it takes 13.2 s at this factor (Java-serialised as before: 34.4 s).
     */
    private static final int HEAP_PER_BSON_BYTE = 5;

    DocumentType() {
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize * HEAP_PER_BSON_BYTE : super.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (!(value instanceof Document document) || !readsBackEqual(document)) {
            super.write(buff, value);
            return;
        }
        ByteBuf bson = BUFFER.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        int size = bson.readableBytes();
        buff.put(BSON).put(bson.array(), bson.arrayOffset(), size);
        averageSize = (size + 15 * averageSize) / 16;
        if (bson.capacity() > 1 << 20) {
            BUFFER.remove();
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        int start = buff.position();
        if (buff.get(start) != BSON) {
            return super.read(buff);
        }
        int length = Integer.reverseBytes(buff.getInt(start + 1));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buff.slice(start + 1, length)));
        buff.position(start + 1 + length);
        return document;
    }

    /** Whether the document holds only what BSON stores exactly and the decoder gives back as the same type. */
    static boolean readsBackEqual(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof ObjectId
                || value instanceof BinData || value instanceof UUID || value instanceof LegacyUUID
                || value instanceof BsonTimestamp || value instanceof Decimal128 || value instanceof MaxKey
                || value instanceof MinKey || value instanceof BsonRegularExpression
                || value instanceof BsonJavaScript) {
            return true;
        }
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0;
        }
        if (value instanceof Document document) {
            for (Map.Entry<String, Object> field : document.entrySet()) {
                if (!readsBackEqual(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!readsBackEqual(element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
