package org.clw.ledger.query.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.types.Binary;
import org.clw.ledger.privacy.MasterKey;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Makes the read-access log tamper-evident: each record's {@code _id} is its place in a sequence (1, 2, ...) and its
 * {@code mac} an HMAC-SHA256, under a key derived from the master key, over the previous record's mac and its own
 * fields; the status added when the read completes has its own {@code statusMac}. The head document (collection
 * {@value #HEAD_COLLECTION}) holds the last place and mac, itself authenticated, so records cut off the end are found
 * too. A local client of the database can still delete or change records, but not without the verification
 * ({@link #verify()}) naming where. Records of a release before the chain (random {@code _id}s) stay outside it.
 */
@Component
class ReadAccessChain {

    static final String HEAD_COLLECTION = "read_access_head";
    private static final String HEAD = "head";
    private static final String PURPOSE = "clw-ledger read-access chain v1";
    private static final int ATTEMPTS = 10;

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> heads;
    private final MasterKey masterKey;
    private Link last;

    ReadAccessChain(MongoOperations mongo, MasterKey masterKey) {
        this.records = mongo.getCollection(ReadAccessLog.COLLECTION);
        this.heads = mongo.getCollection(HEAD_COLLECTION);
        this.masterKey = masterKey;
    }

    /** Appends the record (its fields without {@code _id}) and answers its place in the chain. */
    synchronized long append(Document fields) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (last == null) {
                last = currentEnd();
            }
            long sequence = last.sequence() + 1;
            byte[] mac = recordMac(last.mac(), sequence, fields);
            Document record = new Document("_id", sequence).append("mac", new Binary(mac));
            record.putAll(fields);
            try {
                records.insertOne(record);
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // Another instance took this place: find the end again.
                last = null;
                continue;
            }
            last = new Link(sequence, mac);
            moveHead(last);
            return sequence;
        }
        throw new IllegalStateException("The read-access log could not be appended to");
    }

    /** Records the status the read was answered with, authenticated with the record's place. */
    void complete(long sequence, int status) {
        records.updateOne(Filters.eq("_id", sequence), Updates.combine(Updates.set("status", status),
                Updates.set("statusMac", new Binary(statusMac(sequence, status)))));
    }

    /** Walks the chain from its start to its end and answers where it first breaks, if it does. */
    ChainVerification verify() {
        Document head = heads.find(Filters.eq("_id", HEAD)).first();
        long headSequence = 0;
        byte[] previous = new byte[32];
        if (head != null) {
            headSequence = head.get("sequence", Number.class).longValue();
            if (!MessageDigest.isEqual(headMac(headSequence, bytes(head, "mac")), bytes(head, "headMac"))) {
                return ChainVerification.broken(0, headSequence, ChainVerification.Finding.HEAD_ALTERED);
            }
        }
        long sequence = 1;
        Date firstAt = null;
        for (Document record = byPlace(sequence); record != null || sequence <= headSequence;
                record = byPlace(++sequence)) {
            if (record == null) {
                return ChainVerification.broken(sequence - 1, sequence, ChainVerification.Finding.REMOVED);
            }
            byte[] mac = bytes(record, "mac");
            if (!MessageDigest.isEqual(recordMac(previous, sequence, fieldsOf(record)), mac)) {
                return ChainVerification.broken(sequence - 1, sequence, ChainVerification.Finding.ALTERED);
            }
            if (!statusIntact(sequence, record)) {
                return ChainVerification.broken(sequence - 1, sequence, ChainVerification.Finding.ALTERED);
            }
            firstAt = firstAt == null ? record.getDate("at") : firstAt;
            previous = mac;
        }
        long records = sequence - 1;
        if (firstAt != null && this.records.countDocuments(Filters.and(Filters.gte("at", firstAt),
                Filters.not(Filters.type("_id", BsonType.INT64)))) > 0) {
            return ChainVerification.broken(records, null, ChainVerification.Finding.INSERTED);
        }
        return ChainVerification.intact(records);
    }

    private Document byPlace(long sequence) {
        return records.find(Filters.eq("_id", sequence)).first();
    }

    private boolean statusIntact(long sequence, Document record) {
        Integer status = record.getInteger("status");
        byte[] statusMac = record.get("statusMac") == null ? null : bytes(record, "statusMac");
        if (status == null || statusMac == null) {
            return status == null && statusMac == null;
        }
        return MessageDigest.isEqual(statusMac(sequence, status), statusMac);
    }

    /** The last link: the head's, then any record written after it before the head moved (a crash between). */
    private Link currentEnd() {
        Document head = heads.find(Filters.eq("_id", HEAD)).first();
        Link end = head == null ? new Link(0, new byte[32])
                : new Link(head.get("sequence", Number.class).longValue(), bytes(head, "mac"));
        for (Document next = byPlace(end.sequence() + 1); next != null; next = byPlace(end.sequence() + 1)) {
            end = new Link(end.sequence() + 1, bytes(next, "mac"));
        }
        return end;
    }

    private void moveHead(Link link) {
        Document head = new Document("_id", HEAD).append("sequence", link.sequence())
                .append("mac", new Binary(link.mac()))
                .append("headMac", new Binary(headMac(link.sequence(), link.mac())));
        try {
            heads.replaceOne(Filters.and(Filters.eq("_id", HEAD), Filters.lt("sequence", link.sequence())), head,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another instance moved the head further already.
        }
    }

    private static Document fieldsOf(Document record) {
        Document fields = new Document(record);
        fields.remove("_id");
        fields.remove("mac");
        fields.remove("status");
        fields.remove("statusMac");
        return fields;
    }

    private byte[] recordMac(byte[] previous, long sequence, Document fields) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(previous);
            out.writeLong(sequence);
            // Every field, in name order, typed by its text: a field added, removed or changed changes the mac.
            for (Map.Entry<String, Object> field : new TreeMap<>(fields).entrySet()) {
                text(out, field.getKey());
                Object value = field.getValue();
                text(out, value instanceof Date date ? Long.toString(date.getTime())
                        : value instanceof Map<?, ?> map ? new TreeMap<>(map).toString()
                        : value == null ? null : value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return masterKey.mac(PURPOSE).doFinal(buffer.toByteArray());
    }

    private byte[] statusMac(long sequence, int status) {
        return masterKey.mac(PURPOSE).doFinal(("status " + sequence + " " + status).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] headMac(long sequence, byte[] mac) {
        Mac head = masterKey.mac(PURPOSE);
        head.update(("head " + sequence + " ").getBytes(StandardCharsets.UTF_8));
        return head.doFinal(mac);
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] bytes(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Binary binary ? binary.getData() : new byte[0];
    }

    private record Link(long sequence, byte[] mac) {
    }
}
