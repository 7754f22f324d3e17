package org.clw.ledger.query.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
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
 * The documents that the events of one processor batch read and change, handed to each event handler as a parameter.
 * Each document is read at most once and written at most once per batch. A handler stages its writes
 * ({@link #stage()}) and commits them when it has handled its event whole ({@link #commit}); what a failing handler
 * staged is dropped with it.
 *
 * <p>At the end of the batch, before the processor stores its token, every changed document is first written to a
 * journal ({@code projection_journal}) and marked complete there, then written in place, one unordered bulk write per
 * collection, and the journal is cleared. A crash after the mark is completed from the journal when the group's next
 * batch starts; a crash before it leaves the read models as they were, and the batch is processed again. Either way
 * every document of a batch is written or none is, so derived documents need no per-case bookkeeping to absorb a
 * repeated change: the cases' own versions tell the fold that an event was applied. While the {@code cases} group is
 * far behind the event store's head, one batch takes in several processor batches and writes them once, the same way
 * and before the token that covers them is stored ({@link WriteBehind}).
 */
public final class ProjectionBatch {

    static final String JOURNAL = "projection_journal";
    /**
     * Changed documents per journal document: the embedded store's cost is per document (an index entry each), and
     * 20 keeps a journal document under MongoDB's 16 MB while read-model documents stay under 800 KB (the largest, an
     * hour's audit rows or a busy worker's caseload, are tens of KB).
     */
    static final int JOURNAL_ENTRIES_PER_DOCUMENT = 20;
    /** Documents read ahead per query. */
    static final int READ_AHEAD_SLICE = 200;

    private final MongoOperations mongo;
    private final String group;
    /** The processor batch being handled: the latest of those taken in when carried over ({@link WriteBehind}). */
    private List<? extends Message<?>> messages;
    /** The events of every processor batch taken in. */
    private int events;
    private final Set<String> prefetched = new java.util.HashSet<>();
    private Object planned;
    private final Map<String, Map<String, Optional<Object>>> read = new HashMap<>();
    private final Map<String, Map<String, Object>> changed = new LinkedHashMap<>();

    ProjectionBatch(MongoOperations mongo, String group, List<? extends Message<?>> messages) {
        this.mongo = mongo;
        this.group = group;
        this.messages = messages;
        this.events = messages.size();
    }

    /**
     * Takes in the processor's next batch ({@link WriteBehind}): its documents as this batch left them, the read-ahead
     * and plan made anew for the new messages.
     */
    void next(List<? extends Message<?>> next) {
        this.messages = next;
        this.events += next.size();
        prefetched.clear();
        planned = null;
    }

    /** The tracking token of the last event taken in; null when it is not tracked. */
    TrackingToken last() {
        return messages.isEmpty() || !(messages.get(messages.size() - 1) instanceof TrackedEventMessage<?> tracked)
                ? null : tracked.trackingToken();
    }

    /** The events of every processor batch taken in. */
    int events() {
        return events;
    }

    /** The documents held, read or changed: what bounds the heap a carried batch takes. */
    int documents() {
        return read.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * A document keyed by referral id. On the first call for a collection, every case the batch's events are about
     * is read in a few queries: a round trip per document would cost more than all the rest of the projection's work.
     */
    public <D> Optional<D> findCase(String collection, String referralId, Class<D> type) {
        Map<String, Optional<Object>> known = read.computeIfAbsent(collection, name -> new HashMap<>());
        if (prefetched.add(collection)) {
            readAll(collection, type, messages.stream()
                    .map(Message::getPayload)
                    .filter(CaseEvent.class::isInstance)
                    .map(event -> ((CaseEvent) event).referralId().value())
                    .filter(id -> !known.containsKey(id))
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        return find(collection, referralId, type);
    }

    /**
     * Once per batch: plans the batch from its messages ({@code plan}), and reads the documents that the plan's
     * writes will change, in a few queries per collection instead of one round trip each. Only a read-ahead: what
     * the plan misses, or fails to read, is read when an event needs it, and nothing planned is written.
     *
     * @param writes the staged writes of a plan, whose documents are read ahead
     * @return the batch's plan, made on the first call only
     */
    @SuppressWarnings("unchecked")
    public <P> P readAhead(Function<List<? extends Message<?>>, P> plan, Function<P, Collection<Staged>> writes) {
        if (planned != null) {
            return (P) planned;
        }
        P made = plan.apply(messages);
        planned = made;
        Map<String, Map<String, Class<?>>> wanted = new LinkedHashMap<>();
        for (Staged staged : writes.apply(made)) {
            for (Object write : staged.writes) {
                if (write instanceof Staged.Update<?> update && !read.computeIfAbsent(update.collection(),
                        name -> new HashMap<>()).containsKey(update.id())) {
                    wanted.computeIfAbsent(update.collection(), name -> new LinkedHashMap<>())
                            .put(update.id(), update.type());
                }
            }
        }
        wanted.forEach((collection, ids) -> {
            try {
                readAll(collection, ids.values().iterator().next(), ids.keySet());
            } catch (RuntimeException unread) {
                // Not this event's failure: each document is read when an event needs it, and fails that event.
            }
        });
        return made;
    }

    /**
     * Reads these documents of a collection in queries of {@link #READ_AHEAD_SLICE} (the embedded server answers a
     * find in one reply, however large its documents); those not found are known to be absent. Nothing is known if
     * a query fails.
     */
    private void readAll(String collection, Class<?> type, Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        Map<String, Optional<Object>> found = new HashMap<>();
        all.forEach(id -> found.put(id, Optional.empty()));
        for (int from = 0; from < all.size(); from += READ_AHEAD_SLICE) {
            mongo.find(Query.query(Criteria.where("_id").in(all.subList(from,
                            Math.min(all.size(), from + READ_AHEAD_SLICE)))), type, collection)
                    .forEach(document -> found.put(idOf(document), Optional.of(document)));
        }
        read.computeIfAbsent(collection, name -> new HashMap<>()).putAll(found);
    }

    /** The document as this batch sees it: its own committed change, or what the store holds. */
    public <D> Optional<D> find(String collection, String id, Class<D> type) {
        Optional<Object> found = read.computeIfAbsent(collection, name -> new HashMap<>())
                .computeIfAbsent(id, key -> Optional.ofNullable(mongo.findById(key, type, collection)));
        return found.map(type::cast);
    }

    /** A new set of writes for the event being handled. */
    public Staged stage() {
        return new Staged();
    }

    /** Applies an event's staged writes to the batch's documents, in the order they were staged. */
    public void commit(Staged staged) {
        // Every document read before any is changed: a read that fails then fails the event with nothing applied,
        // and its retry from the dead-letter queue does not count twice.
        for (Object write : staged.writes) {
            if (write instanceof Staged.Update<?> update) {
                find(update.collection(), update.id(), update.type());
            }
        }
        for (Object write : staged.writes) {
            if (write instanceof Staged.Update<?> update) {
                apply(update);
            } else if (write instanceof Staged.Replacement replacement) {
                remember(replacement.collection(), replacement.id(), replacement.document());
            }
        }
    }

    private <D> void apply(Staged.Update<D> update) {
        D document = find(update.collection(), update.id(), update.type()).orElseGet(update.create());
        if (update.change().test(document)) {
            remember(update.collection(), update.id(), document);
        }
    }

    private void remember(String collection, String id, Object document) {
        read.computeIfAbsent(collection, name -> new HashMap<>()).put(id, Optional.of(document));
        changed.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(id, document);
    }

    /**
     * Writes what the batch changed: journalled, marked complete, written in place, journal cleared.
     *
     * @return the ids of the documents written, by collection
     */
    Map<String, Set<String>> flush() {
        if (changed.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> written = new HashMap<>();
        changed.forEach((collection, documents) -> written.put(collection, Set.copyOf(documents.keySet())));
        List<Document> entries = new ArrayList<>();
        changed.forEach((collection, documents) -> documents.forEach((id, document) -> entries.add(
                new Document("collection", collection).append("document", toDocument(document)))));
        changed.clear();
        List<Document> journal = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += JOURNAL_ENTRIES_PER_DOCUMENT) {
            journal.add(new Document("_id", group + "|" + journal.size()).append("group", group).append("entries",
                    entries.subList(from, Math.min(entries.size(), from + JOURNAL_ENTRIES_PER_DOCUMENT))));
        }
        mongo.getCollection(JOURNAL).insertMany(journal);
        mongo.getCollection(JOURNAL).insertOne(new Document("_id", group + "|complete").append("group", group));
        writeInPlace(mongo, entries);
        mongo.getCollection(JOURNAL).deleteMany(new Document("group", group));
        return written;
    }

    /**
     * Completes the group's last flush if a crash interrupted it after its journal was marked complete, and clears
     * its journal: also before read models are cleared, so that a leftover journal is not written into new ones.
     */
    public static void recover(MongoOperations mongo, String group) {
        var journal = mongo.getCollection(JOURNAL);
        if (journal.find(new Document("_id", group + "|complete")).first() != null) {
            List<Document> entries = journal.find(new Document("group", group))
                    .into(new ArrayList<>()).stream()
                    .filter(entry -> !entry.getString("_id").equals(group + "|complete"))
                    .sorted(java.util.Comparator.comparingInt(entry -> Integer.parseInt(
                            entry.getString("_id").substring(group.length() + 1))))
                    // One entry per journal document, as written before they were grouped, or a list of them.
                    .flatMap(entry -> entry.containsKey("entries")
                            ? entry.getList("entries", Document.class).stream() : java.util.stream.Stream.of(entry))
                    .toList();
            writeInPlace(mongo, entries);
        }
        journal.deleteMany(new Document("group", group));
    }

    private static void writeInPlace(MongoOperations mongo, List<Document> entries) {
        Map<String, List<Document>> byCollection = new LinkedHashMap<>();
        entries.forEach(entry -> byCollection.computeIfAbsent(entry.getString("collection"), name -> new ArrayList<>())
                .add(entry.get("document", Document.class)));
        byCollection.forEach((collection, documents) -> {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            documents.forEach(document -> bulk.replaceOne(Query.query(Criteria.where("_id").is(document.get("_id"))),
                    document, FindAndReplaceOptions.options().upsert()));
            bulk.execute();
        });
    }

    private String idOf(Object document) {
        if (document instanceof Document plain) {
            return (String) plain.get("_id");
        }
        return (String) mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document).getRequiredIdentifier();
    }

    /**
     * Every top-level property, null or not, in declaration order: a document's shape never changes, so rewriting
     * it gives the same bytes however the writes fell into batches (mongo-java-server keeps the old key order of a
     * replaced document and appends new keys; MongoDB stores the replacement as given).
     */
    private Document toDocument(Object document) {
        if (document instanceof Document plain) {
            return plain;
        }
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
