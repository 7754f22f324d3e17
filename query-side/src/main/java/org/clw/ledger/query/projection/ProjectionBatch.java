package org.clw.ledger.query.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.clw.ledger.events.CaseEvent;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The documents that the events of one processor batch read and change: each is read at most once and written at
 * most once per batch, in one unordered bulk write per collection, when the batch's last event has been handled and
 * before the processor stores its token. Read models are written before case state, so that a crash between the two
 * makes the batch replay changes that the read models absorb (see {@code referral.CaseChanges}).
 */
public final class ProjectionBatch {

    private final MongoOperations mongo;
    private final UnitOfWork<?> unitOfWork;
    private final Set<String> prefetched = new HashSet<>();
    private final Map<String, Map<String, Optional<Object>>> read = new HashMap<>();
    private final Map<String, Map<String, Object>> readModels = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> caseStates = new LinkedHashMap<>();

    private ProjectionBatch(MongoOperations mongo, UnitOfWork<?> unitOfWork) {
        this.mongo = mongo;
        this.unitOfWork = unitOfWork;
    }

    /** The batch of the unit of work the calling event handler runs in. */
    public static ProjectionBatch current(MongoOperations mongo) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(ProjectionBatch.class.getName(),
                key -> new ProjectionBatch(mongo, unitOfWork));
    }

    /** Writes what the current unit of work's batch changed, if anything. */
    static void flush(UnitOfWork<?> unitOfWork) {
        ProjectionBatch batch = unitOfWork.root().getResource(ProjectionBatch.class.getName());
        if (batch != null) {
            batch.write(batch.readModels);
            batch.write(batch.caseStates);
            batch.readModels.clear();
            batch.caseStates.clear();
        }
    }

    /**
     * A document keyed by referral id. On the first call for a collection, every case the batch's events are about
     * is read in one query: a round trip per document would cost more than all the rest of the projection's work.
     */
    public <D> Optional<D> findCase(String collection, String referralId, Class<D> type) {
        Map<String, Optional<Object>> known = read.computeIfAbsent(collection, name -> new HashMap<>());
        if (prefetched.add(collection) && unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            Set<String> ids = batch.getMessages().stream()
                    .map(Message::getPayload)
                    .filter(CaseEvent.class::isInstance)
                    .map(event -> ((CaseEvent) event).referralId().value())
                    .filter(id -> !known.containsKey(id))
                    .collect(Collectors.toSet());
            ids.forEach(id -> known.put(id, Optional.empty()));
            mongo.find(Query.query(Criteria.where("_id").in(ids)), type, collection)
                    .forEach(document -> known.put(idOf(document), Optional.of(document)));
        }
        return find(collection, referralId, type);
    }

    /** The document as this batch sees it: its own unwritten change, or what the store holds. */
    public <D> Optional<D> find(String collection, String id, Class<D> type) {
        Optional<Object> found = read.computeIfAbsent(collection, name -> new HashMap<>())
                .computeIfAbsent(id, key -> Optional.ofNullable(mongo.findById(key, type, collection)));
        return found.map(type::cast);
    }

    /** Marks a read-model document for writing at the end of the batch. */
    public void save(String collection, String id, Object document) {
        remember(collection, id, document);
        readModels.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(id, document);
    }

    /** Marks a projection's private copy of a case's state for writing, after the read models. */
    public void saveCaseState(String collection, String id, Object document) {
        remember(collection, id, document);
        caseStates.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(id, document);
    }

    private void remember(String collection, String id, Object document) {
        read.computeIfAbsent(collection, name -> new HashMap<>()).put(id, Optional.of(document));
    }

    private void write(Map<String, Map<String, Object>> pending) {
        pending.forEach((collection, documents) -> {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            documents.forEach((id, document) -> bulk.replaceOne(
                    Query.query(Criteria.where("_id").is(id)), toDocument(document),
                    FindAndReplaceOptions.options().upsert()));
            bulk.execute();
        });
    }

    /**
     * Every top-level property, null or not, in declaration order: a document's shape never changes, so rewriting
     * it gives the same bytes however the writes fell into batches (mongo-java-server keeps the old key order of a
     * replaced document and appends new keys; MongoDB stores the replacement as given).
     */
    private String idOf(Object document) {
        return (String) mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document).getRequiredIdentifier();
    }

    private Document toDocument(Object document) {
        Document converted = new Document();
        mongo.getConverter().write(document, converted);
        if (converted.get("_id") == null) {
            throw new IllegalStateException(document.getClass().getSimpleName() + " has no @Id value to write");
        }
        Document shaped = new Document("_id", converted.get("_id"));
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                .doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
                    if (!property.isIdProperty()) {
                        shaped.put(property.getFieldName(), converted.get(property.getFieldName()));
                    }
                });
        shaped.put("_class", converted.get("_class"));
        return shaped;
    }
}
