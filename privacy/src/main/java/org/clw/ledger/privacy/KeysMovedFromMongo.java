package org.clw.ledger.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.bson.types.Binary;
import org.clw.ledger.events.participant.ParticipantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The upgrade of a data directory whose keys an earlier release kept in MongoDB ({@code participant_keys}): each key
 * (wrapped or, as before the master key, in clear) and each record of a destroyed key moves into the key file, then
 * its document is deleted. Idempotent: a key already in the file stays as it is, so a move interrupted part-way is
 * finished at the next start. The embedded store's file still holds the deleted documents' old bytes until it is
 * rewritten, so the move leaves the marker {@value #COMPACTION_MARKER} that makes the embedded store rewrite its file
 * at the next start ({@code EmbeddedMongo}).
 */
final class KeysMovedFromMongo {

    /** Asks the embedded MongoDB's file store to be rewritten (compacted) before it is next opened. */
    static final String COMPACTION_MARKER = "read-models.compact";
    private static final Logger LOG = LoggerFactory.getLogger(KeysMovedFromMongo.class);

    private KeysMovedFromMongo() {
    }

    static int move(MongoTemplate mongo, FileParticipantKeys file, MasterKey masterKey, Path dataDir) {
        if (!mongo.collectionExists(MongoParticipantKeys.COLLECTION)) {
            return 0;
        }
        MongoCollection<Document> keys = mongo.getCollection(MongoParticipantKeys.COLLECTION);
        int moved = 0;
        for (Document document : keys.find()) {
            String id = document.getString("_id");
            ParticipantId participantId = new ParticipantId(id);
            Binary stored = document.get("key", Binary.class);
            if (stored != null) {
                file.adopt(participantId, MongoParticipantKeys.unwrapped(masterKey, id, stored.getData()));
            }
            if (document.get("destroyedAt") != null) {
                file.destroy(participantId);
            }
            keys.deleteOne(Filters.eq("_id", id));
            moved++;
        }
        if (moved > 0) {
            try {
                Files.writeString(dataDir.resolve(COMPACTION_MARKER), "participant keys moved out\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.info("Moved {} participant keys from MongoDB into the key file; the embedded store's file is "
                    + "rewritten at the next start, so that no copy of them stays there", moved);
        }
        return moved;
    }
}
