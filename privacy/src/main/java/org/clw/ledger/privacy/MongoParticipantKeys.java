package org.clw.ledger.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.clw.ledger.events.participant.ParticipantId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keys in the MongoDB collection {@code participant_keys}, one document per participant, each wrapped under the
 * {@link MasterKey} (AES-GCM), so a copy of the database alone opens nothing; a destroyed key leaves a document with
 * {@code destroyedAt} and no key. A 32-byte key is one an earlier release stored unwrapped: it is still read.
 */
@Component
@ConditionalOnProperty(name = "clw.privacy.key-store", havingValue = "mongo", matchIfMissing = true)
class MongoParticipantKeys implements ParticipantKeys {

    static final String COLLECTION = "participant_keys";

    private final MongoCollection<Document> keys;
    private static final int RAW_KEY_BYTES = 32;

    private final MasterKey masterKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MongoParticipantKeys(MongoTemplate mongo, MasterKey masterKey, Clock clock) {
        this.keys = mongo.getCollection(COLLECTION);
        this.masterKey = masterKey;
        this.clock = clock;
    }

    @Override
    public SecretKey keyFor(ParticipantId participantId) {
        // Insert first: almost every call comes from a registration, for which there is no key yet.
        SecretKey key = newKey();
        try {
            keys.insertOne(new Document("_id", participantId.value())
                    .append("key", new Binary(stored(participantId, key.getEncoded())))
                    .append("createdAt", Date.from(clock.instant())));
            return key;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return existingKey(participantId).orElseThrow(() -> new KeyDestroyed(participantId));
        }
    }

    @Override
    public Optional<SecretKey> existingKey(ParticipantId participantId) {
        Document document = keys.find(Filters.eq("_id", participantId.value())).first();
        if (document == null || document.get("key") == null) {
            return Optional.empty();
        }
        byte[] stored = document.get("key", Binary.class).getData();
        return Optional.of(new SecretKeySpec(unwrapped(masterKey, participantId.value(), stored), "AES"));
    }

    @Override
    public void destroy(ParticipantId participantId) {
        Document existing = keys.find(Filters.eq("_id", participantId.value())).first();
        if (existing != null && existing.get("destroyedAt") != null) {
            return;
        }
        keys.replaceOne(Filters.eq("_id", participantId.value()),
                new Document("_id", participantId.value()).append("destroyedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    private SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    private byte[] stored(ParticipantId participantId, byte[] key) {
        return masterKey.wrap(participantId.value(), key);
    }

    /** The key in clear: unwrapped, or as an earlier release stored it without a master key. */
    static byte[] unwrapped(MasterKey masterKey, String participantId, byte[] stored) {
        return stored.length == RAW_KEY_BYTES ? stored : masterKey.unwrap(participantId, stored);
    }
}
