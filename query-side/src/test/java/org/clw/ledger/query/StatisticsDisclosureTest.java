package org.clw.ledger.query;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Statistics and the timeline of {@link FixedHistory} (six referrals in March 2026: five at the practice gp-1, one
 * at the foodbank fb-1) under disclosure control with a threshold of 3, so that counts of 1 and 2 are withheld: an
 * evaluator gets the controlled figures, an admin and the foodbank's manager (for the foodbank) the exact ones.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "spring.application.name=disclosure",
        "clw.statistics.disclosure-threshold=3",
        "clw.security.users[0].username=evaluator", "clw.security.users[0].role=EVALUATOR",
        "clw.security.users[0].password-hash=" + ReadScopeTest.HASH,
        "clw.security.users[1].username=admin", "clw.security.users[1].role=ADMIN",
        "clw.security.users[1].password-hash=" + ReadScopeTest.HASH,
        "clw.security.users[2].username=fb-manager", "clw.security.users[2].role=SERVICE_MANAGER",
        "clw.security.users[2].settings=fb-1", "clw.security.users[2].password-hash=" + ReadScopeTest.HASH})
@Import(InMemoryEvents.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsDisclosureTest {

    private static final String MARCH = "from=2026-03-01&to=2026-03-31";

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
    void an_evaluator_gets_the_period_with_small_counts_and_the_figures_computed_from_them_withheld() throws Exception {
        read("evaluator", "/api/statistics?" + MARCH)
                .andExpect(jsonPath("$.suppressedBelow").value(3))
                .andExpect(jsonPath("$.statistics.referrals.received").value(6))
                .andExpect(jsonPath("$.statistics.referrals.accepted").value(4))
                .andExpect(jsonPath("$.statistics.referrals.declined").value(nullValue()))
                .andExpect(jsonPath("$.statistics.appointments.booked").value(8))
                .andExpect(jsonPath("$.statistics.appointments.attended").value(4))
                .andExpect(jsonPath("$.statistics.appointments.missed").value(nullValue()))
                .andExpect(jsonPath("$.statistics.appointments.dnaRate").value(nullValue()))
                .andExpect(jsonPath("$.statistics.daysToFirstAttendedAppointment.median").value(nullValue()))
                .andExpect(jsonPath("$.statistics.closures.total").value(nullValue()))
                .andExpect(jsonPath("$.statistics.closures.byReason.GOALS_MET").value(nullValue()))
                .andExpect(jsonPath("$.statistics.onwardReferrals.uptake").value(nullValue()))
                .andExpect(jsonPath("$.statistics.outcomeChange.WEMWBS.meanChange").value(nullValue()))
                .andExpect(jsonPath("$.statistics.suppressed", hasItems("referrals.declined", "appointments.missed",
                        "appointments.dnaRate", "daysToFirstAttendedAppointment.median", "closures.total",
                        "closures.byReason.GOALS_MET", "onwardReferrals.uptake", "outcomeChange.WEMWBS.meanChange")))
                // Every route's count is 1 or 2; withheld, they still add up to the six published.
                .andExpect(jsonPath("$.referralsReceivedByRoute.GP").value(nullValue()))
                .andExpect(jsonPath("$.referralsReceivedByRoute.SELF").value(nullValue()))
                .andExpect(jsonPath("$.suppressed", hasItems("referralsReceivedByRoute.GP",
                        "referralsReceivedByNeed.DEBT")));
    }

    @Test
    void an_admin_gets_the_same_period_exactly() throws Exception {
        read("admin", "/api/statistics?" + MARCH)
                .andExpect(jsonPath("$.suppressedBelow").value(nullValue()))
                .andExpect(jsonPath("$.statistics.referrals.declined").value(1))
                .andExpect(jsonPath("$.statistics.appointments.missed").value(1))
                .andExpect(jsonPath("$.statistics.appointments.dnaRate").value(0.2))
                .andExpect(jsonPath("$.statistics.closures.byReason.GOALS_MET").value(1))
                .andExpect(jsonPath("$.statistics.suppressed", empty()))
                .andExpect(jsonPath("$.referralsReceivedByRoute.GP").value(2))
                .andExpect(jsonPath("$.suppressed", empty()));
    }

    @Test
    void the_foodbanks_one_referral_withholds_the_practices_five_so_the_programmes_six_cannot_reveal_it()
            throws Exception {
        // The programme's six referrals in March are published (the series without groupBy says so too); the
        // foodbank's one is withheld, and so the practice's five, else 6 - 5 = 1.
        read("evaluator", "/api/statistics/series?" + MARCH + "&interval=month")
                .andExpect(jsonPath("$.periods[0].groups.all.referrals.received").value(6));
        read("evaluator", "/api/statistics/series?" + MARCH + "&interval=month&groupBy=setting")
                .andExpect(jsonPath("$.suppressedBelow").value(3))
                .andExpect(jsonPath("$.periods[0].groups.fb-1.referrals.received").value(nullValue()))
                .andExpect(jsonPath("$.periods[0].groups.gp-1.referrals.received").value(nullValue()))
                .andExpect(jsonPath("$.periods[0].groups.gp-1.appointments.attended").value(4))
                .andExpect(jsonPath("$.periods[0].groups.fb-1.appointments.attended").value(0))
                .andExpect(jsonPath("$.periods[0].groups.gp-1.suppressed", hasItems("referrals.received")))
                .andExpect(jsonPath("$.totals.gp-1.referrals.received").value(nullValue()))
                .andExpect(jsonPath("$.totals.fb-1.referrals.received").value(nullValue()));
        read("admin", "/api/statistics/series?" + MARCH + "&interval=month&groupBy=setting")
                .andExpect(jsonPath("$.suppressedBelow").value(nullValue()))
                .andExpect(jsonPath("$.periods[0].groups.fb-1.referrals.received").value(1))
                .andExpect(jsonPath("$.periods[0].groups.gp-1.referrals.received").value(5))
                .andExpect(jsonPath("$.totals.gp-1.referrals.received").value(5));
    }

    @Test
    void a_manager_sees_exact_figures_for_their_own_settings_and_controlled_ones_beyond() throws Exception {
        read("fb-manager", "/api/statistics?" + MARCH + "&setting=fb-1")
                .andExpect(jsonPath("$.suppressedBelow").value(nullValue()))
                .andExpect(jsonPath("$.statistics.referrals.received").value(1));
        read("fb-manager", "/api/statistics/series?" + MARCH + "&setting=fb-1&groupBy=setting")
                .andExpect(jsonPath("$.periods[0].groups.fb-1.referrals.received").value(1));
        read("fb-manager", "/api/statistics?" + MARCH + "&setting=gp-1")
                .andExpect(jsonPath("$.suppressedBelow").value(3))
                .andExpect(jsonPath("$.statistics.referrals.received").value(5))
                .andExpect(jsonPath("$.statistics.referrals.declined").value(nullValue()));
        read("fb-manager", "/api/statistics/series?" + MARCH + "&groupBy=setting")
                .andExpect(jsonPath("$.periods[0].groups.fb-1.referrals.received").value(nullValue()));
    }

    @Test
    void an_evaluator_gets_the_timeline_under_the_same_control() throws Exception {
        // 31 March: open 3 (allocated 2, active 1), waiting 3 (received 1, allocated 2): every status is withheld,
        // and the two sums of them are published.
        read("evaluator", "/api/timeline?asOf=2026-03-31")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressedBelow").value(3))
                .andExpect(jsonPath("$.openCases").value(3))
                .andExpect(jsonPath("$.waitingList").value(3))
                .andExpect(jsonPath("$.casesByStatus.ALLOCATED").value(nullValue()))
                .andExpect(jsonPath("$.casesByStatus.RECEIVED").value(nullValue()))
                .andExpect(jsonPath("$.suppressed", hasItems("casesByStatus.ALLOCATED", "casesByStatus.ACTIVE")))
                .andExpect(jsonPath("$.totalsToDate.referrals.received").value(6))
                .andExpect(jsonPath("$.totalsToDate.referrals.declined").value(nullValue()));
        read("admin", "/api/timeline?asOf=2026-03-31")
                .andExpect(jsonPath("$.suppressedBelow").value(nullValue()))
                .andExpect(jsonPath("$.casesByStatus.ALLOCATED").value(2))
                .andExpect(jsonPath("$.suppressed", empty()))
                .andExpect(jsonPath("$.totalsToDate.referrals.declined").value(1));
        // Weekly referrals in (1, 2, 2, 1, 0, 0) are all small; the month's six are published above.
        read("evaluator", "/api/timeline/series?" + MARCH + "&interval=week")
                .andExpect(jsonPath("$.periods[*].referralsIn", contains(null, null, null, null, 0, 0)))
                .andExpect(jsonPath("$.periods[1].suppressed", hasItems("referralsIn", "medianWaitDays")));
        read("evaluator", "/api/timeline/series?" + MARCH + "&interval=month")
                .andExpect(jsonPath("$.periods[0].openAtEnd").value(3))
                .andExpect(jsonPath("$.periods[0].referralsIn").value(6))
                .andExpect(jsonPath("$.periods[0].closuresOut").value(nullValue()))
                .andExpect(jsonPath("$.periods[0].medianWaitDays").value(nullValue()));
        read("admin", "/api/timeline/series?" + MARCH + "&interval=month")
                .andExpect(jsonPath("$.periods[0].closuresOut").value(2))
                .andExpect(jsonPath("$.periods[0].medianWaitDays").value(2));
    }

    @Test
    void the_series_as_a_spreadsheet_marks_withheld_figures() throws Exception {
        String uri = "/api/statistics/series.csv?" + MARCH + "&interval=month&groupBy=setting";
        read("evaluator", uri)
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"statistics.csv\""))
                .andExpect(content().string(startsWith("period,from,to,group,referrals_received,")))
                .andExpect(content().string(containsString(
                        "\r\n2026-03,2026-03-01,2026-03-31,fb-1,[c],[c],0,[c],0,")))
                .andExpect(content().string(containsString("\r\nall,2026-03-01,2026-03-31,gp-1,[c],")));
        read("admin", uri)
                .andExpect(content().string(containsString("\r\n2026-03,2026-03-01,2026-03-31,fb-1,1,1,0,2,0,")))
                .andExpect(content().string(not(containsString("[c]"))));
    }

    private ResultActions read(String user, String uri) throws Exception {
        return mvc.perform(get(uri).with(httpBasic(user, "worker-demo"))).andExpect(status().isOk());
    }
}
