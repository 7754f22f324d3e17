package org.clw.ledger.standalone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.command.referral.AllocateLinksWorker;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.standalone.TestSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Many clients issuing conflicting commands at the same moment: exactly one wins where the rules allow one, the
 * others get 409 and leave nothing behind, and the stored history never breaks a rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {

    private static final int CLIENTS = 8;

    ConfigurableApplicationContext app;
    RestClient admin;
    EventStore events;
    CommandGateway commands;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = TestSystem.start(dataDir);
        // A token, not a password: a bcrypt check per request would stagger the racing requests.
        admin = TestSystem.loggedIn(TestSystem.baseUrl(app), "admin");
        events = app.getBean(EventStore.class);
        commands = app.getBean(CommandGateway.class);
        send("POST", "/api/settings", """
                {"settingId":"gp-40001","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""", null);
        send("POST", "/api/participants", """
                {"participantId":"P910001","personalDetails":{"givenName":"Morag","familyName":"Demo-Race"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""", null);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_worker_with_one_place_left_takes_exactly_one_of_many_cases_allocated_at_once() throws Exception {
        send("POST", "/api/links-workers", """
                {"workerId":"lw-one-place","name":"Jo Links","settings":["gp-40001"],"capacity":1}""", null);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            cases.add(acceptedCase("ref-capacity-" + i));
        }

        // Straight to the command bus: over HTTP the password check spaces the requests out and hides the race.
        Map<Integer, Integer> statuses = race(i -> () -> {
            try {
                commands.sendAndWait(new AllocateLinksWorker(new ReferralId(cases.get(i)),
                        new LinksWorkerId("lw-one-place"), false));
                return 202;
            } catch (CommandExecutionException refused) {
                return 409;
            }
        });

        assertThat(statuses).containsEntry(202, 1).containsEntry(409, CLIENTS - 1);
        assertThat(cases.stream().filter(id -> types(id).contains("LinksWorkerAllocated"))).hasSize(1);
    }

    @Test
    void of_many_overlapping_bookings_made_at_once_exactly_one_is_stored() throws Exception {
        String id = allocatedCase("ref-overlap");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

        Map<Integer, Integer> statuses = race(i -> () -> send("POST", "/api/referrals/" + id + "/appointments", """
                {"appointmentId":"slot-%d","start":"%s","durationMinutes":60,"mode":"PHONE"}"""
                .formatted(i, start.plus(i, ChronoUnit.MINUTES)), null));

        assertThat(statuses).containsEntry(201, 1).containsEntry(409, CLIENTS - 1);
        assertThat(types(id).stream().filter("AppointmentBooked"::equals)).hasSize(1);
    }

    @Test
    void closing_a_case_while_others_book_leaves_no_booked_appointment_behind() throws Exception {
        String id = allocatedCase("ref-close-race");
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

        Map<Integer, Integer> statuses = race(i -> i == 0
                ? () -> send("POST", "/api/referrals/" + id + "/closure", "{\"reason\":\"GOALS_MET\"}", null)
                : () -> send("POST", "/api/referrals/" + id + "/appointments", """
                        {"appointmentId":"late-%d","start":"%s","durationMinutes":30,"mode":"PHONE"}"""
                        .formatted(i, start.plus(i, ChronoUnit.HOURS)), null));

        assertThat(statuses.keySet()).isSubsetOf(201, 202, 409);
        assertThat(statuses).containsEntry(202, 1);
        List<String> types = types(id);
        assertThat(types.get(types.size() - 1)).isEqualTo("CaseClosed");
        long booked = types.stream().filter("AppointmentBooked"::equals).count();
        long cancelled = types.stream().filter("AppointmentCancelled"::equals).count();
        assertThat(cancelled).as("every booking made before the closure is cancelled by it").isEqualTo(booked);
        assertThat(statuses.getOrDefault(201, 0)).isEqualTo((int) booked);
    }

    @Test
    void of_many_commands_sent_with_the_same_if_match_version_exactly_one_is_applied() throws Exception {
        String id = allocatedCase("ref-if-match");
        long version = types(id).size() - 1;
        Instant start = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);

        Map<Integer, Integer> statuses = race(i -> () -> send("POST", "/api/referrals/" + id + "/appointments", """
                {"appointmentId":"v-%d","start":"%s","durationMinutes":30,"mode":"PHONE"}"""
                .formatted(i, start.plus(i, ChronoUnit.HOURS)), "\"" + version + "\""));

        assertThat(statuses).containsEntry(201, 1).containsEntry(409, CLIENTS - 1);
        assertThat(types(id)).hasSize((int) version + 2);
    }

    /** Starts all clients at once; how many got each status. */
    private Map<Integer, Integer> race(IntFunction<Callable<Integer>> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Callable<Integer> call = client.apply(i);
            answers.add(pool.submit(() -> {
                gate.await();
                return call.call();
            }));
        }
        gate.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<Integer> answer : answers) {
            statuses.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();
        return statuses;
    }

    private String acceptedCase(String id) {
        send("POST", "/api/referrals", """
                {"referralId":"%s","participantId":"P910001","settingId":"gp-40001","needs":["DEBT"],
                 "primaryNeed":"DEBT","route":"SELF","consentRecorded":true}""".formatted(id), null);
        send("POST", "/api/referrals/" + id + "/acceptance", null, null);
        return id;
    }

    private String allocatedCase(String id) {
        send("POST", "/api/links-workers", """
                {"workerId":"lw-race","name":"Sam Links","settings":["gp-40001"],"capacity":100}""", null);
        acceptedCase(id);
        send("POST", "/api/referrals/" + id + "/allocation", "{\"workerId\":\"lw-race\"}", null);
        return id;
    }

    private List<String> types(String aggregate) {
        return events.readEvents(aggregate).asStream().map(event -> event.getPayloadType().getSimpleName()).toList();
    }

    private int send(String method, String uri, String json, String ifMatch) {
        var request = admin.method(HttpMethod.valueOf(method)).uri(uri);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, response) -> {
            int status = response.getStatusCode().value();
            assertThat(status).as("%s %s", method, uri).isLessThan(500);
            return status;
        });
    }
}
