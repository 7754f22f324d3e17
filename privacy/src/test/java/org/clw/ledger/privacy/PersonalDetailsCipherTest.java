package org.clw.ledger.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import org.bson.Document;
import org.bson.types.Binary;
import org.clw.ledger.events.participant.ChiNumber;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.PersonalDetails;
import org.clw.ledger.events.participant.SealedDetails;
import org.clw.ledger.events.participant.SealedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class PersonalDetailsCipherTest {

    private static final ParticipantId MORAG = new ParticipantId("P000123");
    private static final ParticipantId OTHER = new ParticipantId("P000124");
    private static final PersonalDetails DETAILS = new PersonalDetails("Morag", "Fakename",
            new ChiNumber("0101011237"), LocalDate.of(2001, 1, 1), "G1 1AA", "07700 900000", "Sleeps at her sister's");
    private static final MasterKey MASTER_KEY = MasterKey.of(new byte[32]);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "privacy-test");
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    private PersonalDetailsCipher cipher() {
        return cipher(MASTER_KEY);
    }

    private PersonalDetailsCipher cipher(MasterKey masterKey) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        return new PersonalDetailsCipher(new MongoParticipantKeys(mongo, masterKey, clock));
    }

    @Test
    void sealed_details_open_to_the_same_details_and_reveal_nothing_while_sealed() {
        PersonalDetailsCipher cipher = cipher();
        SealedDetails sealed = cipher.seal(MORAG, DETAILS);

        assertThat(cipher.open(MORAG, sealed)).contains(DETAILS);
        String decoded = new String(Base64.getDecoder().decode(sealed.ciphertext()));
        assertThat(sealed.toString() + decoded).doesNotContain("Morag", "Fakename", "0101011237", "G1 1AA", "sister");
    }

    @Test
    void sealing_the_same_details_twice_gives_new_ciphertext_but_the_same_fingerprint() {
        PersonalDetailsCipher cipher = cipher();
        SealedDetails first = cipher.seal(MORAG, DETAILS);
        SealedDetails second = cipher.seal(MORAG, DETAILS);
        SealedDetails changed = cipher.seal(MORAG, new PersonalDetails("Morag", "Fakename",
                new ChiNumber("0101011237"), LocalDate.of(2001, 1, 1), "G2 2BB", "07700 900000", null));

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.sameDetailsAs(second)).isTrue();
        assertThat(first.sameDetailsAs(changed)).isFalse();
    }

    @Test
    void details_sealed_for_one_participant_do_not_open_as_another_or_when_altered() {
        PersonalDetailsCipher cipher = cipher();
        SealedDetails sealed = cipher.seal(MORAG, DETAILS);
        cipher.seal(OTHER, DETAILS);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[20] ^= 1;
        SealedDetails altered = new SealedDetails(Base64.getEncoder().encodeToString(bytes), sealed.fingerprint());

        assertThatThrownBy(() -> cipher.open(OTHER, sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Morag");
        assertThatThrownBy(() -> cipher.open(MORAG, altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_destroyed_key_leaves_the_details_unreadable_and_is_never_made_again() {
        PersonalDetailsCipher cipher = cipher();
        SealedDetails sealed = cipher.seal(MORAG, DETAILS);
        ParticipantKeys keys = new MongoParticipantKeys(mongo, MASTER_KEY, Clock.systemUTC());

        keys.destroy(MORAG);
        keys.destroy(MORAG);

        assertThat(cipher.open(MORAG, sealed)).isEmpty();
        assertThatThrownBy(() -> cipher.seal(MORAG, DETAILS)).isInstanceOf(ParticipantKeys.KeyDestroyed.class);
        Document stored = mongo.getCollection(MongoParticipantKeys.COLLECTION).find(new Document("_id", "P000123"))
                .first();
        assertThat(stored).containsKey("destroyedAt").doesNotContainKey("key");
    }

    @Test
    void the_stored_keys_are_wrapped_and_only_that_master_key_opens_them() {
        PersonalDetailsCipher cipher = cipher(MASTER_KEY);
        SealedDetails sealed = cipher.seal(MORAG, DETAILS);
        byte[] stored = mongo.getCollection(MongoParticipantKeys.COLLECTION).find(new Document("_id", "P000123"))
                .first().get("key", Binary.class).getData();

        assertThat(stored).hasSize(12 + 32 + 16);
        assertThat(cipher(MASTER_KEY).open(MORAG, sealed)).contains(DETAILS);
        MasterKey otherMaster = MasterKey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
                18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        assertThatThrownBy(() -> cipher(otherMaster).open(MORAG, sealed)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_key_an_earlier_release_stored_in_clear_still_opens_what_it_sealed() {
        byte[] rawKey = new byte[32];
        rawKey[0] = 7;
        mongo.getCollection(MongoParticipantKeys.COLLECTION).insertOne(new Document("_id", MORAG.value())
                .append("key", new Binary(rawKey)));

        assertThat(new MongoParticipantKeys(mongo, MASTER_KEY, Clock.systemUTC()).existingKey(MORAG))
                .hasValueSatisfying(key -> assertThat(key.getEncoded()).isEqualTo(rawKey));
    }

    @Test
    void free_text_is_sealed_for_its_participant_and_withheld_once_the_key_is_destroyed() {
        PersonalDetailsCipher cipher = cipher();
        SealedText summary = cipher.sealText(MORAG, "Moved in with her sister");
        SealedText legacy = new SealedText("Women's Aid Glasgow");

        assertThat(summary.value()).startsWith(SealedText.SEALED).doesNotContain("sister");
        assertThat(cipher.openText(MORAG, summary)).contains("Moved in with her sister");
        assertThat(cipher.openText(MORAG, legacy)).contains("Women's Aid Glasgow");
        assertThat(cipher.sealText(MORAG, null)).isNull();
        cipher.sealText(OTHER, "x");
        assertThatThrownBy(() -> cipher.openText(OTHER, summary)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("sister");

        new MongoParticipantKeys(mongo, MASTER_KEY, Clock.systemUTC()).destroy(MORAG);

        assertThat(cipher.openText(MORAG, summary)).isEmpty();
        assertThat(cipher.openText(MORAG, legacy)).isEmpty();
    }
}
