package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
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
import org.clw.ledger.query.projection.Staged;
import org.clw.ledger.query.referral.CaseChange;
import org.clw.ledger.query.referral.CaseView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The real {@code cases} projection, with one more view that stages a write and then fails on one case's
 * acceptance: that event goes to the dead-letter queue and leaves nothing behind (not its case's new state, not its
 * statistics, not the failing view's own staged write), while every other case is projected. Retried once the
 * cause is gone, it is applied exactly once.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "spring.application.name=dead-lettered-case"})
@Import({InMemoryEvents.class, DeadLetteredCaseEventTest.FailingViewConfiguration.class})
@AutoConfigureMockMvc
class DeadLetteredCaseEventTest {

    static final AtomicBoolean FAILING = new AtomicBoolean(true);
    static final String MARKS = "failing_view_marks";
    static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");

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

    @Test
    void a_dead_lettered_event_leaves_no_staged_write_and_its_retry_applies_it_once() throws Exception {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (String id : List.of("ref-fails", "ref-fine")) {
            ReferralId referral = new ReferralId(id);
            InMemoryEvents.append(events, "Referral", id, 0,
                    new ReferralReceived(referral, new ParticipantId("P000999"), new SettingId("gp-1"),
                            Set.of(Need.DEBT), Need.DEBT, ReferralRoute.SELF, true, AT),
                    new ReferralAccepted(referral, AT.plusSeconds(60)));
        }
        events.forEach(eventStore::publish);
        InMemoryEvents.awaitCaughtUp(progress, processing);

        admin("/api/cases/ref-fails").andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.version").value(0));
        admin("/api/cases/ref-fine").andExpect(jsonPath("$.status").value("ACCEPTED"));
        admin("/api/statistics?from=2026-03-10&to=2026-03-10")
                .andExpect(jsonPath("$.statistics.referrals.received").value(2))
                .andExpect(jsonPath("$.statistics.referrals.accepted").value(1));
        admin("/api/waiting-list").andExpect(jsonPath("$.referrals.items[*].status",
                org.hamcrest.Matchers.contains("RECEIVED", "ACCEPTED")));
        assertThat(mongo.findAll(Document.class, MARKS)).extracting(mark -> mark.getString("_id"))
                .containsExactlyInAnyOrder("ref-fails#0", "ref-fine#0", "ref-fine#1");
        admin("/api/admin/dead-letters")
                .andExpect(jsonPath("$[?(@.processingGroup == 'cases')].deadLetters").value(1));

        FAILING.set(false);
        mvc.perform(post("/api/admin/dead-letters/cases/retry").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sequencesProcessed").value(1))
                .andExpect(jsonPath("$.deadLettersLeft").value(0));

        admin("/api/cases/ref-fails").andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.version").value(1));
        admin("/api/statistics?from=2026-03-10&to=2026-03-10")
                .andExpect(jsonPath("$.statistics.referrals.received").value(2))
                .andExpect(jsonPath("$.statistics.referrals.accepted").value(2));
        admin("/api/statistics?from=2026-03-01&to=2026-03-31")
                .andExpect(jsonPath("$.statistics.referrals.accepted").value(2));
        assertThat(mongo.findAll(Document.class, MARKS)).hasSize(4);
    }

    private org.springframework.test.web.servlet.ResultActions admin(String uri) throws Exception {
        return mvc.perform(get(uri).with(httpBasic("admin", "admin-demo"))).andExpect(status().isOk());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingViewConfiguration {

        @Bean
        CaseView failingView(MongoOperations mongo) {
            return new CaseView() {
                @Override
                public void apply(CaseChange change, Staged writes) {
                    String mark = change.referralId() + "#" + change.sequence();
                    writes.update(MARKS, mark, Document.class, () -> new Document("_id", mark), document -> true);
                    if (FAILING.get() && mark.equals("ref-fails#1")) {
                        throw new IllegalStateException("Injected failure after staging a write");
                    }
                }

                @Override
                public void reset() {
                    mongo.dropCollection(MARKS);
                }
            };
        }
    }
}
