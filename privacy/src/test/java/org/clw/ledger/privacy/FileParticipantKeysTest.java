package org.clw.ledger.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import javax.crypto.SecretKey;
import org.bson.Document;
import org.bson.types.Binary;
import org.clw.ledger.events.participant.ParticipantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

class FileParticipantKeysTest {

    private static final ParticipantId MORAG = new ParticipantId("P000123");
    private static final ParticipantId EWAN = new ParticipantId("P000124");
    private static final MasterKey MASTER_KEY = MasterKey.of(bytes(32, 3));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private FileParticipantKeys open(MasterKey masterKey) {
        return new FileParticipantKeys(masterKey, CLOCK, dataDir.resolve(FileParticipantKeys.FILE_NAME));
    }

    @Test
    void a_key_is_kept_wrapped_and_found_again_after_a_restart() throws IOException {
        byte[] key;
        try (FileParticipantKeys keys = open(MASTER_KEY)) {
            key = keys.keyFor(MORAG).getEncoded();
            assertThat(keys.keyFor(MORAG).getEncoded()).isEqualTo(key);
        }
        try (FileParticipantKeys keys = open(MASTER_KEY)) {
            assertThat(keys.existingKey(MORAG).map(SecretKey::getEncoded)).hasValueSatisfying(
                    found -> assertThat(found).isEqualTo(key));
            assertThat(keys.existingKey(EWAN)).isEmpty();
        }
        assertThat(indexOf(Files.readAllBytes(keyFile()), key)).isNegative();
    }

    @Test
    void a_destroyed_key_is_overwritten_in_place_and_never_made_again() throws IOException {
        byte[] key;
        try (FileParticipantKeys keys = open(MASTER_KEY)) {
            key = keys.keyFor(MORAG).getEncoded();
            keys.keyFor(EWAN);
            byte[] wrapped = slotKeyBytes(1);
            long size = Files.size(keyFile());

            keys.destroy(MORAG);
            keys.destroy(MORAG);

            assertThat(Files.size(keyFile())).isEqualTo(size);
            assertThat(slotKeyBytes(1)).containsOnly(0).isNotEqualTo(wrapped);
            assertThat(indexOf(Files.readAllBytes(keyFile()), wrapped)).isNegative();
            assertThat(keys.existingKey(MORAG)).isEmpty();
            assertThat(keys.existingKey(EWAN)).isPresent();
        }
        try (FileParticipantKeys keys = open(MASTER_KEY)) {
            assertThat(keys.existingKey(MORAG)).isEmpty();
            assertThatThrownBy(() -> keys.keyFor(MORAG)).isInstanceOf(ParticipantKeys.KeyDestroyed.class);
        }
        assertThat(indexOf(Files.readAllBytes(keyFile()), key)).isNegative();
    }

    @Test
    void another_master_key_is_refused_at_start() throws IOException {
        try (FileParticipantKeys keys = open(MASTER_KEY)) {
            keys.keyFor(MORAG);
        }
        assertThatThrownBy(() -> open(MasterKey.of(bytes(32, 4))))
                .hasMessageContaining("wrapped under another master key");
    }

    @Test
    void keys_an_earlier_release_kept_in_mongodb_move_into_the_file_once() throws IOException {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
                FileParticipantKeys keys = open(MASTER_KEY)) {
            MongoTemplate mongo = new MongoTemplate(client, "privacy-test");
            byte[] clear = bytes(32, 9);
            mongo.getCollection(MongoParticipantKeys.COLLECTION).insertOne(
                    new Document("_id", MORAG.value()).append("key", new Binary(clear)));
            mongo.getCollection(MongoParticipantKeys.COLLECTION).insertOne(
                    new Document("_id", EWAN.value()).append("destroyedAt", new Date()));

            assertThat(KeysMovedFromMongo.move(mongo, keys, MASTER_KEY, dataDir)).isEqualTo(2);
            assertThat(KeysMovedFromMongo.move(mongo, keys, MASTER_KEY, dataDir)).isZero();

            assertThat(keys.existingKey(MORAG).map(SecretKey::getEncoded)).hasValueSatisfying(
                    found -> assertThat(found).isEqualTo(clear));
            assertThatThrownBy(() -> keys.keyFor(EWAN)).isInstanceOf(ParticipantKeys.KeyDestroyed.class);
            assertThat(mongo.getCollection(MongoParticipantKeys.COLLECTION).countDocuments()).isZero();
            assertThat(dataDir.resolve(KeysMovedFromMongo.COMPACTION_MARKER)).exists();
        } finally {
            server.shutdownNow();
        }
    }

    private Path keyFile() {
        return dataDir.resolve(FileParticipantKeys.FILE_NAME);
    }

    private byte[] slotKeyBytes(int slot) throws IOException {
        byte[] file = Files.readAllBytes(keyFile());
        int from = slot * FileParticipantKeys.SLOT_BYTES + 26;
        return Arrays.copyOfRange(file, from, from + 60);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
