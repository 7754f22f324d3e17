package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The live views over real HTTP: server-sent events from Axon subscription queries, for the callers of
 * {@link ReadScopeTest} over {@link FixedHistory} (w1 is links worker lw-1; fb-manager manages the foodbank fb-1).
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "spring.application.name=live-views",
                "clw.live.heartbeat=PT0.2S", "clw.live.streams-per-user=2",
                "clw.security.users[0].username=w1", "clw.security.users[0].role=LINKS_WORKER",
                "clw.security.users[0].worker-id=lw-1", "clw.security.users[0].password-hash=" + ReadScopeTest.HASH,
                "clw.security.users[1].username=fb-manager", "clw.security.users[1].role=SERVICE_MANAGER",
                "clw.security.users[1].settings=fb-1", "clw.security.users[1].password-hash=" + ReadScopeTest.HASH,
                "clw.security.users[2].username=boss", "clw.security.users[2].role=ADMIN",
                "clw.security.users[2].password-hash=" + ReadScopeTest.HASH,
                "clw.security.users[3].username=ev", "clw.security.users[3].role=EVALUATOR",
                "clw.security.users[3].password-hash=" + ReadScopeTest.HASH})
@Import(InMemoryEvents.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveViewsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoOperations mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void publishTheHistory() {
        FixedHistory.publish(eventStore);
        InMemoryEvents.awaitCaughtUp(progress, processing);
    }

    @Test
    void a_referral_allocated_to_a_worker_shows_in_their_live_caseload() throws Exception {
        try (Live caseload = open("/api/links-workers/lw-1/caseload/live", "w1")) {
            assertThat(caseload.status).isEqualTo(200);
            assertThat(referrals(caseload.next().get("cases"))).containsExactlyInAnyOrder("C3", "C4");

            publish("Referral", "C5", 1, new ReferralAccepted(new ReferralId("C5"), InMemoryEvents.NOW),
                    new LinksWorkerAllocated(new ReferralId("C5"), new LinksWorkerId("lw-1"), null, false,
                            InMemoryEvents.NOW));

            JsonNode after = caseload.next();
            assertThat(referrals(after.get("cases"))).containsExactlyInAnyOrder("C3", "C4", "C5");
            assertThat(after.get("worker").get("openCases").asInt()).isEqualTo(3);
            assertThat(after).isEqualTo(json.readTree(get("/api/links-workers/lw-1/caseload", "w1").body()));
        }
        // The stream was one read: recorded once when opened, its status when it ended.
        Query opened = Query.query(Criteria.where("actorId").is("w1")
                .and("endpoint").is("/api/links-workers/{workerId}/caseload/live"));
        Awaitility.await().atMost(WAIT).until(() -> mongo.find(opened, Document.class, "read_access").stream()
                .anyMatch(record -> record.get("status") != null));
        assertThat(mongo.find(opened, Document.class, "read_access"))
                .singleElement().satisfies(record -> assertThat(record.get("status")).isEqualTo(200));
    }

    @Test
    void a_worker_following_another_workers_caseload_is_refused_as_the_rest_read_is() throws Exception {
        int rest = get("/api/links-workers/lw-2/caseload", "w1").statusCode();
        try (Live live = open("/api/links-workers/lw-2/caseload/live", "w1")) {
            assertThat(rest).isEqualTo(403);
            assertThat(live.status).isEqualTo(rest);
        }
        int unknown = get("/api/links-workers/lw-404/caseload", "boss").statusCode();
        try (Live live = open("/api/links-workers/lw-404/caseload/live", "boss")) {
            assertThat(unknown).isEqualTo(404);
            assertThat(live.status).isEqualTo(unknown);
        }
    }

    @Test
    void a_managers_live_waiting_list_shows_only_their_settings() throws Exception {
        try (Live waiting = open("/api/waiting-list/live", "fb-manager")) {
            JsonNode first = waiting.next();
            assertThat(referrals(first.get("referrals").get("items"))).containsExactly("C3");

            publish("Referral", "C7", 0, received("C7", "gp-1"));
            publish("Referral", "C8", 0, received("C8", "fb-1"));

            // C7's change, at a setting the manager does not manage, sends nothing: the next view is C8's.
            JsonNode next = waiting.next();
            assertThat(referrals(next.get("referrals").get("items"))).containsExactlyInAnyOrder("C3", "C8");
            assertThat(next).isEqualTo(json.readTree(get("/api/waiting-list", "fb-manager").body()));
        }
        try (Live other = open("/api/waiting-list/live?setting=gp-1", "fb-manager");
             Live evaluator = open("/api/waiting-list/live", "ev")) {
            assertThat(other.status).isEqualTo(403);
            assertThat(evaluator.status).isEqualTo(403);
        }
    }

    @Test
    void an_admin_follows_the_projections_and_a_worker_may_not() throws Exception {
        try (Live projections = open("/api/admin/projections/live", "boss");
             Live refused = open("/api/admin/projections/live", "w1")) {
            assertThat(projections.status).isEqualTo(200);
            JsonNode first = projections.next();
            assertThat(first.isArray()).isTrue();
            assertThat(first.findValuesAsText("name")).contains("cases");
            assertThat(refused.status).isEqualTo(403);
        }
    }

    @Test
    void the_stream_ends_cleanly_when_the_client_goes_away_and_the_streams_per_user_are_bounded()
            throws Exception {
        Live first = open("/api/links-workers/live", "boss");
        Live second = open("/api/waiting-list/live", "boss");
        assertThat(first.next().get("items")).isNotEmpty();
        try (Live third = open("/api/links-workers/live", "boss")) {
            assertThat(third.status).isEqualTo(429);
            assertThat(third.body()).contains("\"status\":429");
        }
        first.close();
        second.close();
        // The heartbeat finds the connections gone and closes their subscriptions: the user may open streams again.
        Awaitility.await().atMost(WAIT).until(() -> meters.get("clw.live.streams").gauge().value() == 0);
        try (Live again = open("/api/links-workers/live", "boss")) {
            assertThat(again.status).isEqualTo(200);
            assertThat(again.next().get("totalItems").asInt()).isEqualTo(2);
        }
    }

    private void publish(String type, String id, long firstSequence, Object... payloads) {
        long sequence = firstSequence;
        for (Object payload : payloads) {
            eventStore.publish(new GenericDomainEventMessage<>(type, id, sequence++, payload,
                    Map.of("actorId", "test", "actorRole", "ADMIN")));
        }
    }

    private static ReferralReceived received(String referralId, String settingId) {
        return new ReferralReceived(new ReferralId(referralId), ParticipantId.ofNumber(1), new SettingId(settingId),
                Set.of(Need.DEBT), Need.DEBT, ReferralRoute.SELF, true, Instant.parse("2026-03-30T09:00:00Z"));
    }

    private static List<String> referrals(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("referralId").asText()));
        return ids;
    }

    private HttpRequest.Builder request(String path, String user) {
        String login = Base64.getEncoder().encodeToString((user + ":worker-demo").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + login);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return http.send(request(path, user).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Live open(String path, String user) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(
                request(path, user).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        return new Live(response);
    }

    /** An open stream: its status, and the {@code view} events read off it as they arrive. */
    private final class Live implements AutoCloseable {

        final int status;
        private final Stream<String> lines;
        private final BlockingQueue<String> views = new LinkedBlockingQueue<>();
        private final StringBuilder body = new StringBuilder();

        Live(HttpResponse<Stream<String>> response) {
            status = response.statusCode();
            lines = response.body();
            Thread reader = new Thread(() -> {
                try {
                    String event = null;
                    for (String line : (Iterable<String>) lines::iterator) {
                        synchronized (body) {
                            body.append(line);
                        }
                        if (line.startsWith("event:")) {
                            event = line.substring("event:".length()).strip();
                        } else if (line.startsWith("data:") && "view".equals(event)) {
                            views.add(line.substring("data:".length()));
                        } else if (line.isEmpty()) {
                            event = null;
                        }
                    }
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            }, "live-views-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        JsonNode next() throws Exception {
            String view = views.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(view).as("a view within " + WAIT).isNotNull();
            return json.readTree(view);
        }

        String body() {
            Awaitility.await().atMost(WAIT).until(() -> {
                synchronized (body) {
                    return body.length() > 0;
                }
            });
            synchronized (body) {
                return body.toString();
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
