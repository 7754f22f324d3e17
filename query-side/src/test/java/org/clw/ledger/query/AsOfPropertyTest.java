package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The case as of a moment equals, byte for byte (position and millisecond instants included), what the {@code cases}
 * projection showed when the store held only the events up to that moment: the history is stored one event at a
 * time, the case's body is recorded after each, and random instants and versions in between are asked for afterwards.
 */
// Its own application name, hence its own context and store: it stores the history itself, event by event.
@SpringBootTest(classes = QuerySideApplication.class, properties = {"axon.axonserver.enabled=false",
        "clw.mongo.embedded=memory", "spring.application.name=as-of-property-test"})
@Import(InMemoryEvents.class)
@AutoConfigureMockMvc
class AsOfPropertyTest {

    record Observed(String referralId, long version, Instant storedAt, ObjectNode document) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ObjectMapper json;
    /** The auditor's session token: a password on every request would cost a bcrypt check each time. */
    String auditor;

    @BeforeEach
    void logIn() throws Exception {
        auditor = json.readTree(mvc.perform(post("/api/session").with(httpBasic("auditor", "auditor-demo")))
                .andReturn().getResponse().getContentAsString()).path("token").asText();
    }

    @Test
    void as_of_any_moment_or_version_a_case_is_what_the_projection_held_then() throws Exception {
        List<Observed> observed = new ArrayList<>();
        for (DomainEventMessage<?> event : FixedHistory.events()) {
            eventStore.publish(event);
            if (event.getPayload() instanceof CaseEvent) {
                InMemoryEvents.awaitCaughtUp(progress, processing);
                Instant storedAt = eventStore.readEvents(event.getAggregateIdentifier(), event.getSequenceNumber())
                        .next().getTimestamp();
                observed.add(new Observed(event.getAggregateIdentifier(), event.getSequenceNumber(), storedAt,
                        current(event.getAggregateIdentifier())));
            }
        }
        Random random = new Random(2014);
        for (int i = 0; i < observed.size(); i++) {
            Observed then = observed.get(i);
            assertThat(asOf(then.referralId(), "version=" + then.version()))
                    .as("%s at version %d", then.referralId(), then.version()).isEqualTo(then.document());
            Instant next = nextStoredAt(observed, i);
            long spread = next == null ? 1_000 : Math.max(1, next.toEpochMilli() - then.storedAt().toEpochMilli());
            Instant moment = then.storedAt().plusMillis(random.nextLong(spread));
            if (next == null || moment.isBefore(next)) {
                assertThat(asOf(then.referralId(), "asOf=" + moment))
                        .as("%s as of %s", then.referralId(), moment).isEqualTo(then.document());
            }
        }
        assertThat(observed).hasSizeGreaterThan(40);
    }

    /** When the same case's next event was stored, or null. */
    private static Instant nextStoredAt(List<Observed> observed, int index) {
        return observed.subList(index + 1, observed.size()).stream()
                .filter(later -> later.referralId().equals(observed.get(index).referralId()))
                .map(Observed::storedAt).findFirst().orElse(null);
    }

    private ObjectNode current(String referralId) throws Exception {
        return body(get("/api/cases/" + referralId));
    }

    private ObjectNode asOf(String referralId, String query) throws Exception {
        return body(get("/api/cases/" + referralId + "?" + query));
    }

    private ObjectNode body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        String body = mvc.perform(request.header("Authorization", "Bearer " + auditor))
                .andReturn().getResponse().getContentAsString();
        ObjectNode document = (ObjectNode) json.readTree(body);
        assertThat(document.get("position").asLong()).as("position").isPositive();
        return document;
    }
}
