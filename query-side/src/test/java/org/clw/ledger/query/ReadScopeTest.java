package org.clw.ledger.query;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "spring.application.name=read-scope",
        "clw.security.users[0].username=w1", "clw.security.users[0].role=LINKS_WORKER",
        "clw.security.users[0].worker-id=lw-1", "clw.security.users[0].password-hash=" + ReadScopeTest.HASH,
        "clw.security.users[1].username=fb-manager", "clw.security.users[1].role=SERVICE_MANAGER",
        "clw.security.users[1].settings=fb-1", "clw.security.users[1].password-hash=" + ReadScopeTest.HASH})
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

    @BeforeAll
    void publishTheHistory() {
        FixedHistory.publish(eventStore);
        InMemoryEvents.awaitCaughtUp(progress, processing);
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
