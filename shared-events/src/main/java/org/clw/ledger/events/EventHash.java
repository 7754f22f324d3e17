package org.clw.ledger.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evidence chain of an aggregate's events: each event's hash covers the previous event's hash, the
 * event's place (aggregate and sequence number), its type, its payload in canonical JSON and its audit metadata.
 * Changing, removing, inserting or reordering a stored event breaks the chain from that event on, unless every later
 * hash is forged too. Written by the command side as events are stored, recomputed by the query side's verification.
 * The payload is hashed as the current code reads it: an upcaster that changes a stored event's shape must keep
 * the chain verifiable (for instance by hashing older revisions as they were).
 */
public final class EventHash {

    /** The metadata key under which each event's hash is stored. */
    public static final String METADATA_KEY = AuditKey.HASH.key();
    /** The metadata key of the hash the event follows, so that a broken link can be told from altered content. */
    public static final String PREVIOUS_KEY = AuditKey.PREVIOUS_HASH.key();
    /** The "previous hash" of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);
    /** The audit metadata the hash covers. */
    private static final List<String> COVERED_METADATA = AuditKey.hashed();

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private EventHash() {
    }

    public static String of(String previousHash, String aggregateId, long sequence, Object payload,
            Map<String, ?> metadata) {
        Map<String, Object> covered = new TreeMap<>();
        for (String key : COVERED_METADATA) {
            if (metadata.get(key) != null) {
                covered.put(key, metadata.get(key).toString());
            }
        }
        String input = String.join("\n", previousHash, aggregateId, Long.toString(sequence),
                payload.getClass().getName(), canonical(payload), canonical(covered));
        return HexFormat.of().formatHex(sha256(input));
    }

    private static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be written as canonical JSON", e);
        }
    }

    private static byte[] sha256(String input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
