package org.clw.ledger.command.registry;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.clw.ledger.command.CommandSideApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-side instances on one PostgreSQL registry (and one event store in it), as several instances behind
 * Axon Server share one: whichever instance handles a command, every rule that spans aggregates holds and
 * programme numbers stay unique. The PostgreSQL server is started by the test itself (LocalPostgres); without its
 * binaries the test is skipped.
 */
class SharedRegistryTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path directory;

    private static LocalPostgres postgres;
    private static MongoServer keys;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    /**
     * Both at once, as instances of a deployment start: creating the schema must not trip over the other's. The
     * server's own default is not to wait for a commit's write: the registry's connections must say otherwise.
     */
    @BeforeAll
    static void startTwoInstancesOnOneRegistry() {
        postgres = LocalPostgres.start("synchronous_commit=off");
        keys = new MongoServer(new MemoryBackend());
        keys.bind("127.0.0.1", 0);
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<ConfigurableApplicationContext> one =
                    CompletableFuture.supplyAsync(() -> instance("first"), starting);
            CompletableFuture<ConfigurableApplicationContext> two =
                    CompletableFuture.supplyAsync(() -> instance("second"), starting);
            first = one.join();
            second = two.join();
        } finally {
            starting.shutdown();
        }
    }

    /** The participant keys in one MongoDB too, as in the distributed topology. */
    private static ConfigurableApplicationContext instance(String name) {
        return new SpringApplicationBuilder(CommandSideApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=clw",
                "--spring.datasource.password=",
                "--clw.mongo.embedded=false",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + keys.getLocalAddress().getPort() + "/clw-ledger",
                "--clw.data-dir=" + directory.resolve(name));
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (keys != null) {
            keys.shutdownNow();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_setting_worker_participant_and_referral_registered_through_one_instance_are_known_to_the_other() {
        assertThat(registerSetting(first, "gp-51001").statusCode()).isEqualTo(201);
        assertThat(registerWorker(second, "lw-51001", "gp-51001", 5).statusCode()).isEqualTo(201);
        String participant = registerParticipant(first);
        assertThat(post(second, "/api/referrals", referral("ref-51001", participant, "gp-51001")).statusCode())
                .isEqualTo(201);
        assertThat(post(first, "/api/referrals/ref-51001/acceptance", "").statusCode()).isEqualTo(202);
        assertThat(allocate(first, "ref-51001", "lw-51001").statusCode()).isEqualTo(202);
    }

    /** Who registered a person is in the shared registry, and their sealed details' key in the shared key store. */
    @Test
    void a_person_a_worker_registered_through_one_instance_stays_theirs_through_the_other() {
        HttpResponse<String> registration = send(first, "worker", "/api/participants", "POST", """
                {"participantId":"P951001","personalDetails":{"givenName":"Morag","familyName":"Fakename"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""");
        assertThat(registration.statusCode()).as(registration.body()).isEqualTo(201);
        String correction = """
                {"personalDetails":{"givenName":"Morag","familyName":"Newname"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""";
        assertThat(send(second, "worker", "/api/participants/P951001/details", "PUT", correction).statusCode())
                .isEqualTo(202);
        assertThat(send(second, "manager", "/api/participants/P951001/details", "PUT", correction).statusCode())
                .isEqualTo(404);
    }

    @Test
    void programme_numbers_handed_out_by_both_instances_at_once_never_collide() {
        List<CompletableFuture<String>> registrations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ConfigurableApplicationContext instance = i % 2 == 0 ? first : second;
            registrations.add(CompletableFuture.supplyAsync(() -> registerParticipant(instance)));
        }
        List<String> numbers = registrations.stream().map(CompletableFuture::join).toList();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(number -> number.matches("P\\d{6}"));
    }

    /**
     * The capacity is lowered through one instance, one place is taken through the other; then eight allocations
     * of other cases to the same worker arrive at once, half through each: the worker's row lock in the shared
     * registry lets exactly one take the last place.
     */
    @Test
    void of_concurrent_allocations_through_both_instances_to_a_worker_at_the_last_place_exactly_one_succeeds()
            throws InterruptedException {
        registerSetting(first, "gp-52001");
        assertThat(registerWorker(second, "lw-52001", "gp-52001", 3).statusCode()).isEqualTo(201);
        assertThat(put(first, "/api/links-workers/lw-52001/capacity", "{\"capacity\":2}").statusCode())
                .isEqualTo(202);
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String referral = "ref-52001-" + i;
            ConfigurableApplicationContext instance = i % 2 == 0 ? first : second;
            assertThat(post(instance, "/api/referrals", referral(referral, registerParticipant(instance), "gp-52001"))
                    .statusCode()).isEqualTo(201);
            assertThat(post(instance, "/api/referrals/" + referral + "/acceptance", "").statusCode()).isEqualTo(202);
            referrals.add(referral);
        }
        assertThat(allocate(second, referrals.get(0), "lw-52001").statusCode()).isEqualTo(202);

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> allocations = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            for (int i = 1; i < 9; i++) {
                String referral = referrals.get(i);
                ConfigurableApplicationContext instance = i % 2 == 0 ? first : second;
                allocations.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return allocate(instance, referral, "lw-52001");
                }, callers));
            }
            go.countDown();
            List<HttpResponse<String>> answers = allocations.stream().map(CompletableFuture::join).toList();
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 202).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.statusCode() != 202).hasSize(7).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(409);
                assertThat(answer.body()).contains("Links worker lw-52001 is at capacity (2 of 2 cases)");
            });
        } finally {
            callers.shutdown();
        }
        assertThat(new JdbcTemplate(first.getBean(DataSource.class)).queryForObject(
                "SELECT COUNT(*) FROM registry_case WHERE worker_id = 'lw-52001' AND is_open", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void the_shared_registry_connections_wait_for_their_commits_and_bound_their_lock_waits() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            JdbcTemplate registry = new JdbcTemplate(instance.getBean(DataSource.class));
            assertThat(registry.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(registry.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("10s");
        }
    }

    private static HttpResponse<String> registerSetting(ConfigurableApplicationContext instance, String setting) {
        return post(instance, "/api/settings", """
                {"settingId":"%s","name":"Practice %s","type":"GP_PRACTICE","hscp":"GLASGOW_CITY",
                 "practiceCode":"51001","deepEnd":false}""".formatted(setting, setting));
    }

    private static HttpResponse<String> registerWorker(ConfigurableApplicationContext instance, String worker,
            String setting, int capacity) {
        return post(instance, "/api/links-workers", """
                {"workerId":"%s","name":"Worker %s","settings":["%s"],"capacity":%d}"""
                .formatted(worker, worker, setting, capacity));
    }

    /** Without an id: the instance hands out the next programme number. */
    private static String registerParticipant(ConfigurableApplicationContext instance) {
        HttpResponse<String> answer = post(instance, "/api/participants", """
                {"personalDetails":{"givenName":"Morag","familyName":"Fakename"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Matcher id = ID.matcher(answer.body());
        assertThat(id.find()).as(answer.body()).isTrue();
        return id.group(1);
    }

    private static String referral(String referral, String participant, String setting) {
        return """
                {"referralId":"%s","participantId":"%s","settingId":"%s","needs":["HOUSING"],
                 "primaryNeed":"HOUSING","route":"GP","consentRecorded":true}"""
                .formatted(referral, participant, setting);
    }

    private static HttpResponse<String> allocate(ConfigurableApplicationContext instance, String referral,
            String worker) {
        return post(instance, "/api/referrals/" + referral + "/allocation",
                "{\"workerId\":\"" + worker + "\",\"overrideCapacity\":false}");
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String json) {
        return send(instance, "admin", path, "POST", json);
    }

    private static HttpResponse<String> put(ConfigurableApplicationContext instance, String path, String json) {
        return send(instance, "admin", path, "PUT", json);
    }

    /** As one of the demo users, whose password is their name followed by {@code -demo}. */
    private static HttpResponse<String> send(ConfigurableApplicationContext instance, String user, String path,
            String method, String json) {
        String port = instance.getEnvironment().getProperty("local.server.port");
        String login = Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + login)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
