package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.Binary;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.privacy.ParticipantKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Erasure leaves no usable copy of the participant's key in any file the system writes (issue 15, finding 8): the
 * standalone system with its file stores, a person registered, erased, the system stopped, every file of the data
 * directory scanned for the key's bytes, in clear and wrapped. And a data directory of the previous release, whose
 * keys lay in clear in the embedded MongoDB's file, keeps no copy of them there once upgraded.
 */
class ErasureLeavesNoKeyTest {

    /** The key file's layout (FileParticipantKeys): 128-byte slots; the id at 2, the wrapped key at 26. */
    private static final int SLOT_BYTES = 128;
    private static final int WRAPPED_AT = 26;
    private static final int WRAPPED_BYTES = 60;

    @Test
    void after_erasure_no_file_of_the_data_directory_holds_the_key_in_clear_or_wrapped(@TempDir Path dataDir)
            throws IOException {
        String person;
        byte[] key;
        byte[] wrapped;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            RestClient worker = TestSystem.demoUser(TestSystem.baseUrl(app), "worker");
            RestClient admin = TestSystem.demoUser(TestSystem.baseUrl(app), "admin");
            person = worker.post().uri("/api/participants").contentType(MediaType.APPLICATION_JSON).body("""
                    {"personalDetails":{"givenName":"Ailsa","familyName":"Keyfinder","chiNumber":"0101011237"},
                     "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44","simdDecile":2}}""")
                    .retrieve().body(JsonNode.class).get("id").asText();
            key = app.getBean(ParticipantKeys.class).existingKey(new ParticipantId(person)).orElseThrow().getEncoded();
            wrapped = wrappedKeyOf(dataDir, person);
            assertThat(filesHolding(dataDir, key)).as("the key in clear before erasure").isEmpty();
            assertThat(filesHolding(dataDir, wrapped)).containsExactly("participant-keys");

            admin.post().uri("/api/participants/{id}/erasure", person).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"reason\":\"DATA_SUBJECT_REQUEST\"}").retrieve().toBodilessEntity();
        }

        assertThat(filesHolding(dataDir, key)).as("files holding the key in clear").isEmpty();
        assertThat(filesHolding(dataDir, wrapped)).as("files holding the wrapped key").isEmpty();
        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThat(app.getBean(ParticipantKeys.class).existingKey(new ParticipantId(person))).isEmpty();
            RestClient admin = TestSystem.demoUser(TestSystem.baseUrl(app), "admin");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin.get()
                    .uri("/api/participants/{id}", person).retrieve().body(JsonNode.class).path("erased").asBoolean());
            assertThat(admin.get().uri("/api/participants/{id}/history", person).retrieve().body(JsonNode.class)
                    .get(0).at("/payload/personalDetails/erased").asBoolean()).isTrue();
        }
    }

    @Test
    void an_upgraded_data_directory_keeps_no_copy_of_the_keys_the_previous_release_stored_in_clear(
            @TempDir Path dataDir) throws IOException {
        unzip("/upgrade/boot3-release-data.zip", dataDir);
        Map<String, byte[]> oldKeys = keysInTheEmbeddedStore(dataDir);
        assertThat(oldKeys).isNotEmpty();
        assertThat(filesHolding(dataDir, oldKeys.values().iterator().next())).containsExactly("read-models.mv");

        try (ConfigurableApplicationContext app = start(dataDir)) {
            ParticipantKeys keys = app.getBean(ParticipantKeys.class);
            oldKeys.forEach((id, key) -> assertThat(keys.existingKey(new ParticipantId(id)).orElseThrow()
                    .getEncoded()).as(id).isEqualTo(key));
        }
        // The move asked for the embedded store's file to be rewritten; the next start does it before opening it.
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JsonNode person = TestSystem.demoUser(TestSystem.baseUrl(app), "admin").get()
                    .uri("/api/participants/P900001").retrieve().body(JsonNode.class);
            assertThat(person.at("/personalDetails/givenName").asText()).isEqualTo("Eilidh");
        }
        for (Map.Entry<String, byte[]> old : oldKeys.entrySet()) {
            assertThat(filesHolding(dataDir, old.getValue())).as(old.getKey()).isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(StandaloneApplication.class).profiles(TestSystem.DEVELOPMENT)
                .run("--server.port=0", "--clw.data-dir=" + dataDir, "--clw.mongo.embedded=file");
    }

    private static byte[] wrappedKeyOf(Path dataDir, String participantId) throws IOException {
        byte[] file = Files.readAllBytes(dataDir.resolve("participant-keys"));
        byte[] id = participantId.getBytes(StandardCharsets.US_ASCII);
        for (int slot = SLOT_BYTES; slot + SLOT_BYTES <= file.length; slot += SLOT_BYTES) {
            if (file[slot + 1] == id.length && Arrays.equals(file, slot + 2, slot + 2 + id.length, id, 0, id.length)) {
                return Arrays.copyOfRange(file, slot + WRAPPED_AT, slot + WRAPPED_AT + WRAPPED_BYTES);
            }
        }
        throw new AssertionError("No slot for " + participantId);
    }

    /** The keys as the previous release kept them: in clear, in the embedded MongoDB's file. */
    private static Map<String, byte[]> keysInTheEmbeddedStore(Path dataDir) {
        H2Backend backend = new H2Backend(dataDir.resolve("read-models.mv").toString());
        MongoServer server = new MongoServer(backend);
        Map<String, byte[]> keys = new HashMap<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            for (Document document : client.getDatabase("clw-ledger").getCollection("participant_keys").find()) {
                Binary key = document.get("key", Binary.class);
                if (key != null) {
                    keys.put(document.getString("_id"), key.getData());
                }
            }
        } finally {
            server.shutdownNow();
        }
        return keys;
    }

    /** The data directory's files (relative names) that hold these bytes anywhere. */
    private static List<String> filesHolding(Path dataDir, byte[] needle) throws IOException {
        List<String> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (contains(Files.readAllBytes(file), needle)) {
                    holding.add(dataDir.relativize(file).toString());
                }
            }
        }
        return holding;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void unzip(String resource, Path target) throws IOException {
        try (InputStream in = ErasureLeavesNoKeyTest.class.getResourceAsStream(resource);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file);
                }
            }
        }
    }
}
