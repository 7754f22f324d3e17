package org.clw.ledger.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: H2's own ({@link ObjectDataType}) with the same order, but
 * without serialising both keys on every comparison. H2 orders keys it has no type for (mongo-java-server's
 * {@link KeyValue}) by their Java serialisation, so a lookup by {@code _id} serialised some 2 x 17 keys, and that was
 * 29% of the CPU of a projection rebuild. Here the serialised bytes of a key are kept while it is in use: the order,
 * hence the files, stay exactly H2's. Only keys of immutable values whose equality implies equal bytes are kept (a
 * sub-document equal to another may hold its fields in another order); others are compared as H2 does.
 */
final class IndexKeyType extends ObjectDataType {

    /** Enough for the upper levels of every index and a batch's keys; emptied whole when full (~4 MB at most). */
    private static final int KEPT = 20_000;

    private static final Map<KeyValue, byte[]> SERIALISED = new ConcurrentHashMap<>();

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private IndexKeyType() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue left && b instanceof KeyValue right && cacheable(left) && cacheable(right)) {
            return compareNotNull(serialised(left), serialised(right));
        }
        return super.compare(a, b);
    }

    private static byte[] serialised(KeyValue key) {
        byte[] bytes = SERIALISED.get(key);
        if (bytes == null) {
            bytes = serialize(key);
            if (SERIALISED.size() >= KEPT) {
                SERIALISED.clear();
            }
            SERIALISED.put(key, bytes);
        }
        return bytes;
    }

    private static boolean cacheable(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String || value instanceof Long || value instanceof Integer
                    || value instanceof Double || value instanceof Boolean || value instanceof ObjectId)) {
                return false;
            }
        }
        return true;
    }
}
