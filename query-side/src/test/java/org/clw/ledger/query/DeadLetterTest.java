package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A projection (here one made for the test, in its own processing group) that fails on one case's event: that event
 * and the case's later events go to the group's dead-letter queue in MongoDB, every other case is projected, the real
 * projections carry on, and an admin sees, counts, retries and evicts the dead letters.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "spring.application.name=dead-letters",
        "axon.eventhandling.processors.poison-test.mode=pooled",
        "axon.eventhandling.processors.poison-test.initial-segment-count=1"})
@Import({InMemoryEvents.class, DeadLetterTest.PoisonConfiguration.class})
@AutoConfigureMockMvc
class DeadLetterTest {

    static final AtomicBoolean POISONED = new AtomicBoolean(true);
    static final String COLLECTION = "poison_test";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoOperations mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void a_failing_event_is_dead_lettered_with_its_case_and_everything_else_goes_on() throws Exception {
        publish(cases("ref-poison-1", "ref-healthy-1", "ref-poison-2"));

        assertThat(projected()).contains("ref-healthy-1:ReferralAccepted")
                .noneMatch(entry -> entry.startsWith("ref-poison"));
        mvc.perform(get("/api/cases/ref-poison-1").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        mvc.perform(get("/api/admin/dead-letters").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.processingGroup == 'poison-test')].deadLetters").value(4))
                .andExpect(jsonPath("$[?(@.processingGroup == 'poison-test')].sequences").value(2))
                .andExpect(jsonPath("$[?(@.processingGroup == 'cases')].deadLetters").value(0))
                .andExpect(jsonPath("$[?(@.processingGroup == 'poison-test')].firstSequences[0].letters[*].eventType")
                        .value(org.hamcrest.Matchers.contains("ReferralReceived", "ReferralAccepted")))
                .andExpect(jsonPath("$[?(@.processingGroup == 'poison-test')].firstSequences[0].letters[0].cause")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(
                                "Injected failure"))));
        assertThat(meters.get("clw.projection.dead.letters").tag("processing_group", "poison-test").gauge().value())
                .isEqualTo(4);

        mvc.perform(delete("/api/admin/dead-letters/poison-test/ref-poison-2").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deadLettersLeft").value(2));
        POISONED.set(false);
        mvc.perform(post("/api/admin/dead-letters/poison-test/retry").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sequencesProcessed").value(1))
                .andExpect(jsonPath("$.deadLettersLeft").value(0));

        assertThat(projected()).contains("ref-poison-1:ReferralReceived", "ref-poison-1:ReferralAccepted")
                .noneMatch(entry -> entry.startsWith("ref-poison-2"));
        mvc.perform(post("/api/admin/dead-letters/poison-test/retry").with(httpBasic("manager", "manager-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/admin/dead-letters/nothing/x").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isNotFound());
    }

    private void publish(List<DomainEventMessage<?>> events) {
        events.forEach(eventStore::publish);
        InMemoryEvents.awaitCaughtUp(progress, processing);
    }

    private Set<String> projected() {
        return Set.copyOf(mongo.findAll(Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList());
    }

    private static List<DomainEventMessage<?>> cases(String... ids) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Instant at = InMemoryEvents.NOW.minusSeconds(86_400);
        for (String id : ids) {
            ReferralId referral = new ReferralId(id);
            InMemoryEvents.append(events, "Referral", id, 0,
                    new ReferralReceived(referral, new ParticipantId("P000999"), new SettingId(FixedHistory.GP),
                            Set.of(Need.DEBT), Need.DEBT, ReferralRoute.SELF, true, at),
                    new ReferralAccepted(referral, at.plusSeconds(60)));
        }
        return events;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class PoisonConfiguration {

        @Bean
        PoisonProjection poisonProjection(MongoOperations mongo) {
            return new PoisonProjection(mongo);
        }
    }

    /** Records each event it applies; fails on every event of a case named ref-poison-* while poisoned. */
    @ProcessingGroup("poison-test")
    static class PoisonProjection {

        private final MongoOperations mongo;

        PoisonProjection(MongoOperations mongo) {
            this.mongo = mongo;
        }

        @EventHandler
        void on(ReferralReceived event) {
            record(event.referralId(), "ReferralReceived");
        }

        @EventHandler
        void on(ReferralAccepted event) {
            record(event.referralId(), "ReferralAccepted");
        }

        private void record(ReferralId id, String type) {
            if (POISONED.get() && id.value().startsWith("ref-poison")) {
                throw new IllegalStateException("Injected failure");
            }
            mongo.save(new Document("_id", id.value() + ":" + type), COLLECTION);
        }
    }
}
