package org.clw.ledger.query;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.participant.AgeBand;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.Gender;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.ParticipantRegistered;
import org.clw.ledger.events.participant.PersonalDetails;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What links worker lw-1 and the manager of the foodbank fb-1 see of {@link FixedHistory}: lw-1 holds C1 (closed), C3 and C4;
 * C3 is the foodbank's only case; both workers cover the foodbank. Other cases are answered as if they did not exist.
 * Besides the history, two people without a case: P000007 registered by w1, P000008 by someone else.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "spring.application.name=read-scope",
        "clw.security.users[0].username=w1", "clw.security.users[0].role=LINKS_WORKER",
        "clw.security.users[0].worker-id=lw-1", "clw.security.users[0].password-hash=" + ReadScopeTest.HASH,
        "clw.security.users[1].username=fb-manager", "clw.security.users[1].role=SERVICE_MANAGER",
        "clw.security.users[1].settings=fb-1", "clw.security.users[1].password-hash=" + ReadScopeTest.HASH,
        "clw.security.users[2].username=ev", "clw.security.users[2].role=EVALUATOR",
        "clw.security.users[2].password-hash=" + ReadScopeTest.HASH,
        "clw.security.users[3].username=aud", "clw.security.users[3].role=AUDITOR",
        "clw.security.users[3].password-hash=" + ReadScopeTest.HASH})
@Import(InMemoryEvents.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadScopeTest {

    /** bcrypt of "worker-demo". */
    static final String HASH = "$2a$10$eI5GEDBxETK0VI.4PcdZsutiuEKtUHgVnYPxgC2X5ny98.sjza8Su";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PersonalDetailsCipher cipher;

    @BeforeAll
    void publishTheHistory() {
        FixedHistory.publish(eventStore);
        registered(ParticipantId.ofNumber(7), "w1");
        registered(ParticipantId.ofNumber(8), "another-worker");
        InMemoryEvents.awaitCaughtUp(progress, processing);
    }

    private void registered(ParticipantId id, String registrant) {
        PersonalDetails details = new PersonalDetails("Morag", "Fakename", null, null, null, "07700 900123", null);
        eventStore.publish(new GenericDomainEventMessage<>("Participant", id.value(), 0,
                new ParticipantRegistered(id, cipher.seal(id, details),
                        new Demographics(Gender.FEMALE, AgeBand.AGE_35_44, null), InMemoryEvents.NOW),
                Map.of("actorId", registrant, "actorRole", "LINKS_WORKER")));
    }

    @Test
    void a_person_without_a_case_is_seen_only_by_whoever_registered_them() throws Exception {
        read("w1", "/api/participants/P000007").andExpect(status().isOk())
                .andExpect(jsonPath("$.personalDetails.phone").value("07700 900123"));
        read("w1", "/api/participants/P000007/history").andExpect(status().isOk());
        read("fb-manager", "/api/participants/P000007").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Unknown id P000007"));
        read("w1", "/api/participants/P000008").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Unknown id P000008"));
        read("w1", "/api/participants/P000008/history").andExpect(status().isNotFound());
        read("aud", "/api/participants/P000008").andExpect(status().isOk())
                .andExpect(jsonPath("$.personalDetails.givenName").value("Morag"));
    }

    @Test
    void a_person_with_a_case_is_seen_through_that_case_only() throws Exception {
        read("fb-manager", "/api/participants/P000003").andExpect(status().isOk());
        read("fb-manager", "/api/participants/P000001").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Unknown id P000001"));
        read("w1", "/api/participants/P000001").andExpect(status().isOk());
        read("w1", "/api/participants/P000002").andExpect(status().isNotFound());
    }

    @Test
    void the_timeline_shows_the_caseloads_of_the_workers_the_caller_may_see_and_evaluators_none() throws Exception {
        String lastDay = "/api/timeline?asOf=2026-03-31";
        read("aud", lastDay).andExpect(jsonPath("$.caseloadPerWorker.lw-1").value(2))
                .andExpect(jsonPath("$.caseloadPerWorker.lw-2").value(1));
        read("w1", lastDay).andExpect(jsonPath("$.caseloadPerWorker.lw-1").value(2))
                .andExpect(jsonPath("$.caseloadPerWorker.lw-2").doesNotExist());
        read("fb-manager", lastDay).andExpect(jsonPath("$.caseloadPerWorker.lw-1").value(2))
                .andExpect(jsonPath("$.caseloadPerWorker.lw-2").value(1));
        read("ev", lastDay).andExpect(status().isOk()).andExpect(jsonPath("$.caseloadPerWorker").isEmpty())
                // three open cases is a small number, withheld from evaluators by disclosure control
                .andExpect(jsonPath("$.openCases").doesNotExist());
    }

    @Test
    void a_links_worker_sees_their_own_cases_and_no_other() throws Exception {
        read("w1", "/api/cases/C1").andExpect(status().isOk());
        read("w1", "/api/cases/C1/history").andExpect(status().isOk());
        read("w1", "/api/cases/C6").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Unknown id C6"));
        read("w1", "/api/cases/C6/history/verification").andExpect(status().isNotFound());
        read("w1", "/api/cases/C6?version=0").andExpect(status().isNotFound());
        read("w1", "/api/cases?size=50").andExpect(jsonPath("$.items[*].referralId",
                containsInAnyOrder("C1", "C3", "C4")));
    }

    @Test
    void a_links_worker_sees_their_own_caseload_only() throws Exception {
        read("w1", "/api/links-workers/lw-1/caseload").andExpect(status().isOk());
        read("w1", "/api/links-workers/lw-2/caseload").andExpect(status().isForbidden());
        read("w1", "/api/links-workers").andExpect(jsonPath("$.items[*].workerId", containsInAnyOrder("lw-1")));
        read("w1", "/api/waiting-list").andExpect(status().isForbidden());
    }

    @Test
    void a_manager_sees_the_cases_workers_and_waiting_list_of_their_settings() throws Exception {
        read("fb-manager", "/api/cases/C3").andExpect(status().isOk());
        read("fb-manager", "/api/cases/C1").andExpect(status().isNotFound());
        read("fb-manager", "/api/cases?size=50").andExpect(jsonPath("$.items[*].referralId",
                containsInAnyOrder("C3")));
        read("fb-manager", "/api/links-workers").andExpect(jsonPath("$.items[*].workerId",
                containsInAnyOrder("lw-1", "lw-2")));
        read("fb-manager", "/api/links-workers/lw-1/caseload").andExpect(status().isOk())
                .andExpect(jsonPath("$.cases[*].referralId", containsInAnyOrder("C3")))
                .andExpect(jsonPath("$.worker.openCases").value(2));
        read("fb-manager", "/api/waiting-list?setting=gp-1").andExpect(status().isForbidden());
        read("fb-manager", "/api/waiting-list").andExpect(status().isOk());
    }

    @Test
    void a_token_that_names_no_role_is_refused_even_where_every_role_may_read() throws Exception {
        mvc.perform(get("/api/statistics?from=2026-03-01&to=2026-03-31").with(jwt()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/timeline?asOf=2026-03-31").with(jwt())).andExpect(status().isForbidden());
    }

    private ResultActions read(String user, String uri) throws Exception {
        return mvc.perform(get(uri).with(httpBasic(user, "worker-demo")));
    }
}
