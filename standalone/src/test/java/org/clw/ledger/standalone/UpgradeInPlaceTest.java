package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.web.client.RestClient;

/**
 * A data directory written by the previous release opens in place: every case is there with an intact hash chain,
 * sealed personal details still open, and rebuilding every read model from the store gives what the previous release
 * had built. The directory (resources/upgrade/boot3-release-data.zip) was written by the Spring Boot 3.5 release
 * (commit 884e44d of main): {@code --demo} with 60 referrals, seed 2014, last day 2026-11-30, then participant
 * P900001 registered with the details below, then a graceful stop.
 */
class UpgradeInPlaceTest {

    private static final int CASES = 60;

    @Test
    void a_data_directory_of_the_previous_release_opens_verifies_and_rebuilds_the_same(@TempDir Path dataDir)
            throws IOException {
        unzip("/upgrade/boot3-release-data.zip", dataDir);
        try (var app = new SpringApplicationBuilder(StandaloneApplication.class).profiles(TestSystem.DEVELOPMENT).run("--server.port=0",
                "--clw.data-dir=" + dataDir, "--clw.mongo.embedded=file")) {
            String base = TestSystem.baseUrl(app);
            RestClient admin = TestSystem.demoUser(base, "admin");
            RestClient auditor = TestSystem.demoUser(base, "auditor");
            awaitCaughtUp(admin);

            Map<String, String> built = casesAndStatistics(admin);
            assertThat(built).hasSize(CASES + 1);
            for (String referralId : built.keySet()) {
                if (!referralId.equals("statistics")) {
                    JsonNode verification = auditor.get().uri("/api/cases/{id}/history/verification", referralId)
                            .retrieve().body(JsonNode.class);
                    assertThat(verification.get("intact").asBoolean()).as(referralId).isTrue();
                }
            }
            JsonNode person = admin.get().uri("/api/participants/P900001").retrieve().body(JsonNode.class);
            assertThat(person.at("/personalDetails/givenName").asText()).isEqualTo("Eilidh");
            assertThat(person.at("/personalDetails/familyName").asText()).isEqualTo("Upgradewell");

            for (JsonNode projection : admin.get().uri("/api/admin/projections").retrieve().body(JsonNode.class)) {
                admin.post().uri("/api/admin/projections/{name}/rebuild", projection.get("name").asText())
                        .retrieve().toBodilessEntity();
            }
            awaitCaughtUp(admin);
            assertThat(casesAndStatistics(admin)).isEqualTo(built);
        }
    }

    private static void awaitCaughtUp(RestClient admin) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (JsonNode projection : admin.get().uri("/api/admin/projections").retrieve().body(JsonNode.class)) {
                if (projection.get("replaying").asBoolean() || projection.get("lag").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every case with its status and version, and the demo year's statistics, as JSON text. */
    private static Map<String, String> casesAndStatistics(RestClient admin) {
        Map<String, String> state = new TreeMap<>();
        JsonNode cases = admin.get().uri("/api/cases?size=200").retrieve().body(JsonNode.class);
        cases.get("items").forEach(c -> state.put(c.get("referralId").asText(),
                c.get("status").asText() + "@" + c.get("version").asText()));
        state.put("statistics", admin.get().uri("/api/statistics?from=2025-12-01&to=2026-11-30").retrieve()
                .body(JsonNode.class).get("statistics").toString());
        return state;
    }

    private static void unzip(String resource, Path target) throws IOException {
        try (InputStream in = UpgradeInPlaceTest.class.getResourceAsStream(resource);
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Entry outside the target: " + entry.getName());
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
