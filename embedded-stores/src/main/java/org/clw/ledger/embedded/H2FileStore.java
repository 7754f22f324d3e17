package org.clw.ledger.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file store, with its documents stored as BSON ({@link DocumentType}), its unique indexes
 * compared without serialising ({@link IndexKeyType}), its pages compressed, and compacted when it is closed. The
 * maps and keys are the library's own, so a file written by it (an earlier release) opens here; the other way round
 * only while no document has been written in the new form.
 */
final class H2FileStore extends H2Backend {

    /**
     * How long a graceful stop may spend compacting the file. Every write is committed on its own (see
     * {@link EmbeddedMongo}), and each commit appends to the file; the store reclaims that space only partly while it
     * runs.
     */
    static final int COMPACT_ON_CLOSE_MILLIS = 20_000;
    /** The library's map names (package-private there): a collection's documents and its metadata. */
    static final String DATA_PREFIX = "databases.";
    static final String META_PREFIX = "meta.";

    H2FileStore(String fileName) {
        // LZF page compression: the library stores documents Java-serialised (class descriptors in every one), which
        // compresses ~4x; each page carries its own flag, so files written without it stay readable, and vice versa.
        super(new MVStore.Builder().fileName(fileName).compress().open());
    }

    @Override
    public void close() {
        if (!getMvStore().isClosed()) {
            getMvStore().close(COMPACT_ON_CLOSE_MILLIS);
        }
        super.close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** An inner class: its superclass's constructor opens the indexes already, and they need the store. */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
            super(databaseName, mvStore, cursorRegistry);
        }

        /** As the library's, with the documents' value type. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap(DATA_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + namespace);
            return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_"
                    + indexName, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
            return new UniqueIndex(map, indexName, keys, sparse);
        }
    }

    /** As the library's H2UniqueIndex (whose constructor is package-private), on a map with the faster key type. */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
