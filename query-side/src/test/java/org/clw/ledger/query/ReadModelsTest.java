package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The read models of {@link FixedHistory}, built by the real processors into the in-process Mongo server, checked
 * through the query API against values worked out by hand; then re-delivered and replayed.
 */
@SpringBootTest(classes = QuerySideApplication.class,
        properties = {"axon.axonserver.enabled=false", "clw.mongo.embedded=memory"})
@Import(InMemoryEvents.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelsTest {

    static final List<String> COLLECTIONS = List.of("cases", "caseloads", "waiting_lists", "statistics",
            "statistics_by_setting", "settings", "timeline", "programme", "audit_trail", "participants");

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    MongoOperations mongo;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    void publishTheHistory() {
        FixedHistory.publish(eventStore);
        InMemoryEvents.awaitCaughtUp(progress, processing);
    }

    @Nested
    class Cases {

        @Test
        void a_closed_case_shows_its_whole_story() throws Exception {
            query("/api/cases/C1")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.version").value(18))
                    .andExpect(jsonPath("$.participantId").value("P000001"))
                    .andExpect(jsonPath("$.needs", contains("HOUSING", "DEBT")))
                    .andExpect(jsonPath("$.workerId").value("lw-1"))
                    .andExpect(jsonPath("$.appointments[*].state",
                            contains("ATTENDED", "ATTENDED", "ATTENDED", "CANCELLED")))
                    .andExpect(jsonPath("$.appointmentsAttended").value(3))
                    .andExpect(jsonPath("$.appointmentsMissed").value(0))
                    .andExpect(jsonPath("$.attendanceCorrections").value(1))
                    .andExpect(jsonPath("$.firstAttendedAt").value("2026-03-05T10:00:00Z"))
                    .andExpect(jsonPath("$.onwardReferrals[*].outcome", contains("TAKEN_UP", "NOT_TAKEN_UP")))
                    .andExpect(jsonPath("$.outcomeMeasures[*].score", contains(40, 48)))
                    .andExpect(jsonPath("$.closures[0].attendedAtClosure").value(3))
                    .andExpect(jsonPath("$.closureReason").value("GOALS_MET"));
        }

        @Test
        void a_reopened_case_is_active_again_and_keeps_its_closure() throws Exception {
            query("/api/cases/C6")
                    .andExpect(jsonPath("$.status").value("ACTIVE"))
                    .andExpect(jsonPath("$.reopenings").value(1))
                    .andExpect(jsonPath("$.closures[0].reason").value("DISENGAGED"))
                    .andExpect(jsonPath("$.closedAt").value(nullValue()));
        }

        @Test
        void a_reallocated_case_shows_its_new_worker_and_the_capacity_override() throws Exception {
            query("/api/cases/C4")
                    .andExpect(jsonPath("$.status").value("ALLOCATED"))
                    .andExpect(jsonPath("$.workerId").value("lw-1"))
                    .andExpect(jsonPath("$.allocations").value(2))
                    .andExpect(jsonPath("$.allocatedAboveCapacity").value(true));
        }

        @Test
        void cases_are_searched_by_status_setting_worker_need_and_date_newest_first() throws Exception {
            query("/api/cases?status=ALLOCATED").andExpect(jsonPath("$.items[*].referralId", contains("C4", "C3")));
            query("/api/cases?setting=fb-1").andExpect(jsonPath("$.items[*].referralId", contains("C3")));
            query("/api/cases?worker=lw-1").andExpect(jsonPath("$.items[*].referralId", contains("C4", "C3", "C1")));
            query("/api/cases?need=HOUSING").andExpect(jsonPath("$.items[*].referralId", contains("C4", "C1")));
            query("/api/cases?from=2026-03-09&to=2026-03-10")
                    .andExpect(jsonPath("$.items[*].referralId", contains("C4", "C3")));
            // Newest first: C5, C4, C3, C2, C1, C6.
            query("/api/cases?size=2&page=1")
                    .andExpect(jsonPath("$.items[*].referralId", contains("C3", "C2")))
                    .andExpect(jsonPath("$.totalItems").value(6))
                    .andExpect(jsonPath("$.totalPages").value(3));
        }

        /** A page number whose offset does not fit an int is past the end, not the first page again. */
        @Test
        void the_largest_page_number_is_an_empty_page_on_every_paged_list() throws Exception {
            String last = "page=" + Integer.MAX_VALUE;
            query("/api/cases?" + last)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items").isEmpty())
                    .andExpect(jsonPath("$.page").value(Integer.MAX_VALUE))
                    .andExpect(jsonPath("$.totalItems").value(6));
            query("/api/links-workers?" + last).andExpect(jsonPath("$.items").isEmpty())
                    .andExpect(jsonPath("$.totalItems").value(2));
            query("/api/waiting-list?" + last).andExpect(jsonPath("$.referrals.items").isEmpty());
        }
    }

    @Nested
    class Caseloads {

        @Test
        void a_worker_holds_their_open_cases_soonest_appointment_first() throws Exception {
            query("/api/links-workers/lw-1/caseload")
                    .andExpect(jsonPath("$.worker.name").value("Alex Morgan"))
                    .andExpect(jsonPath("$.worker.capacity").value(3))
                    .andExpect(jsonPath("$.worker.openCases").value(2))
                    .andExpect(jsonPath("$.worker.availablePlaces").value(1))
                    .andExpect(jsonPath("$.cases[*].referralId", contains("C4", "C3")))
                    .andExpect(jsonPath("$.cases[0].nextAppointment").value("2026-04-07T10:00:00Z"))
                    .andExpect(jsonPath("$.cases[1].nextAppointment").value(nullValue()));
        }

        @Test
        void reallocation_moves_the_case_and_a_reopened_case_returns() throws Exception {
            query("/api/links-workers/lw-2/caseload")
                    .andExpect(jsonPath("$.worker.active").value(false))
                    .andExpect(jsonPath("$.worker.settings", contains("fb-1", "gp-1")))
                    .andExpect(jsonPath("$.cases[*].referralId", contains("C6")));
        }

        @Test
        void all_workers_are_listed_with_caseload_against_capacity() throws Exception {
            query("/api/links-workers")
                    .andExpect(jsonPath("$.items[*].name", contains("Alex Morgan", "Sam Reid")))
                    .andExpect(jsonPath("$.items[*].openCases", contains(2, 1)))
                    .andExpect(jsonPath("$.items[*].capacity", contains(3, 5)))
                    // Sam Reid is deactivated: no places, whatever the capacity.
                    .andExpect(jsonPath("$.items[*].active", contains(true, false)))
                    .andExpect(jsonPath("$.items[*].availablePlaces", contains(1, 0)));
        }
    }

    @Nested
    class Settings {

        @Test
        void every_role_reads_the_settings_by_name_evaluators_too() throws Exception {
            mvc.perform(get("/api/settings").with(httpBasic("evaluator", "evaluator-demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].name", contains("Clydebank Foodbank", "Parkhead Health Centre")))
                    .andExpect(jsonPath("$[*].settingId", contains("fb-1", "gp-1")))
                    .andExpect(jsonPath("$[*].open", contains(false, true)));
        }
    }

    @Nested
    class WaitingLists {

        @Test
        void a_setting_lists_referrals_without_a_first_attended_appointment_longest_first() throws Exception {
            query("/api/waiting-list?setting=gp-1")
                    .andExpect(jsonPath("$.targetDays").value(10))
                    .andExpect(jsonPath("$.overdue").value(2))
                    .andExpect(jsonPath("$.referrals.items[*].referralId", contains("C4", "C5")))
                    .andExpect(jsonPath("$.referrals.items[*].daysWaiting", contains(21, 15)))
                    .andExpect(jsonPath("$.referrals.items[*].status", contains("ALLOCATED", "RECEIVED")));
        }

        @Test
        void without_a_setting_every_waiting_list_is_merged() throws Exception {
            query("/api/waiting-list")
                    .andExpect(jsonPath("$.referrals.items[*].referralId", contains("C3", "C4", "C5")))
                    .andExpect(jsonPath("$.referrals.items[0].settingId").value("fb-1"));
        }
    }

    @Nested
    class Statistics {

        @Test
        void the_month_totals_match_the_hand_count() throws Exception {
            query("/api/statistics?from=2026-03-01&to=2026-03-31")
                    .andExpect(jsonPath("$.statistics.referrals.received").value(6))
                    .andExpect(jsonPath("$.statistics.referrals.accepted").value(4))
                    .andExpect(jsonPath("$.statistics.referrals.declined").value(1))
                    .andExpect(jsonPath("$.statistics.appointments.booked").value(8))
                    .andExpect(jsonPath("$.statistics.appointments.attended").value(4))
                    .andExpect(jsonPath("$.statistics.appointments.missed").value(1))
                    .andExpect(jsonPath("$.statistics.appointments.cancelled").value(2))
                    .andExpect(jsonPath("$.statistics.appointments.dnaRate").value(0.2))
                    .andExpect(jsonPath("$.statistics.daysToFirstAttendedAppointment.cases").value(2))
                    .andExpect(jsonPath("$.statistics.daysToFirstAttendedAppointment.median").value(2))
                    .andExpect(jsonPath("$.statistics.daysToFirstAttendedAppointment.percentile90").value(3))
                    .andExpect(jsonPath("$.statistics.closures.total").value(2))
                    .andExpect(jsonPath("$.statistics.closures.withThreeOrMoreAttended").value(1))
                    .andExpect(jsonPath("$.statistics.closures.shareWithThreeOrMoreAttended").value(0.5))
                    .andExpect(jsonPath("$.statistics.closures.byReason.GOALS_MET").value(1))
                    .andExpect(jsonPath("$.statistics.closures.byReason.DISENGAGED").value(1))
                    .andExpect(jsonPath("$.statistics.onwardReferrals.made").value(2))
                    .andExpect(jsonPath("$.statistics.onwardReferrals.uptake").value(0.5))
                    .andExpect(jsonPath("$.statistics.outcomeChange.WEMWBS.cases").value(1))
                    .andExpect(jsonPath("$.statistics.outcomeChange.WEMWBS.meanChange").value(8.0))
                    .andExpect(jsonPath("$.referralsReceivedByRoute.GP").value(2))
                    .andExpect(jsonPath("$.referralsReceivedByRoute.SELF").value(1))
                    .andExpect(jsonPath("$.referralsReceivedByNeed.FOOD_INSECURITY").value(1));
        }

        @Test
        void one_setting_or_its_hscp_counts_only_its_own() throws Exception {
            for (String filter : List.of("setting=fb-1", "hscp=WEST_DUNBARTONSHIRE")) {
                query("/api/statistics?from=2026-03-01&to=2026-03-31&" + filter)
                        .andExpect(jsonPath("$.statistics.referrals.received").value(1))
                        .andExpect(jsonPath("$.statistics.appointments.booked").value(2))
                        .andExpect(jsonPath("$.statistics.appointments.missed").value(1))
                        .andExpect(jsonPath("$.statistics.appointments.cancelled").value(1))
                        .andExpect(jsonPath("$.statistics.appointments.dnaRate").value(1.0));
            }
        }

        @Test
        void a_period_counts_only_what_happened_in_it() throws Exception {
            query("/api/statistics?from=2026-03-13&to=2026-03-13")
                    .andExpect(jsonPath("$.statistics.referrals.received").value(0))
                    .andExpect(jsonPath("$.statistics.appointments.booked").value(1))
                    .andExpect(jsonPath("$.statistics.appointments.attended").value(0))
                    .andExpect(jsonPath("$.statistics.appointments.dnaRate").value(nullValue()));
            query("/api/statistics?from=2026-03-12&to=2026-03-12")
                    .andExpect(jsonPath("$.statistics.appointments.attended").value(1))
                    .andExpect(jsonPath("$.statistics.appointments.missed").value(0));
        }

        @Test
        void a_weekly_series_cuts_at_mondays_and_clips_the_first_week() throws Exception {
            query("/api/statistics/series?from=2026-03-01&to=2026-03-15&interval=week")
                    .andExpect(jsonPath("$.periods[*].period", contains("2026-W09", "2026-W10", "2026-W11")))
                    .andExpect(jsonPath("$.periods[0].from").value("2026-03-01"))
                    .andExpect(jsonPath("$.periods[0].to").value("2026-03-01"))
                    .andExpect(jsonPath("$.periods[0].groups.all.referrals.received").value(1))
                    .andExpect(jsonPath("$.periods[1].groups.all.referrals.received").value(2))
                    .andExpect(jsonPath("$.periods[2].groups.all.referrals.received").value(2));
        }

        @Test
        void a_monthly_series_groups_by_route_need_setting_or_hscp() throws Exception {
            String month = "/api/statistics/series?from=2026-03-01&to=2026-03-31&interval=month&groupBy=";
            query(month + "route")
                    .andExpect(jsonPath("$.periods[0].period").value("2026-03"))
                    .andExpect(jsonPath("$.periods[0].groups.GP.referrals.received").value(2))
                    .andExpect(jsonPath("$.periods[0].groups.GP.appointments.booked").value(5))
                    .andExpect(jsonPath("$.periods[0].groups.GP.appointments.attended").value(3));
            query(month + "need")
                    .andExpect(jsonPath("$.periods[0].groups.BEREAVEMENT.closures.total").value(1));
            query(month + "setting")
                    .andExpect(jsonPath("$.periods[0].groups.fb-1.referrals.received").value(1))
                    .andExpect(jsonPath("$.periods[0].groups.gp-1.referrals.received").value(5));
            query(month + "hscp")
                    .andExpect(jsonPath("$.periods[0].groups.GLASGOW_CITY.referrals.received").value(5));
            query("/api/statistics/series?from=2025-10-01&to=2026-03-31&interval=quarter")
                    .andExpect(jsonPath("$.periods[*].period", contains("2025-Q4", "2026-Q1")))
                    .andExpect(jsonPath("$.periods[0].groups").isEmpty())
                    .andExpect(jsonPath("$.periods[1].groups.all.referrals.received").value(6));
        }
    }

    @Nested
    class Timeline {

        @Test
        void the_programme_at_the_end_of_a_past_day_is_worked_out_from_each_case_status_history() throws Exception {
            // 8 March: C1 active (lw-1), C2 declined, C6 closed; C3 to C5 not yet referred.
            query("/api/timeline?asOf=2026-03-08")
                    .andExpect(jsonPath("$.openCases").value(1))
                    .andExpect(jsonPath("$.waitingList").value(0))
                    .andExpect(jsonPath("$.casesByStatus.ACTIVE").value(1))
                    .andExpect(jsonPath("$.casesByStatus.DECLINED").value(1))
                    .andExpect(jsonPath("$.casesByStatus.CLOSED").value(1))
                    .andExpect(jsonPath("$.caseloadPerWorker.lw-1").value(1))
                    .andExpect(jsonPath("$.totalsToDate.referrals.received").value(3));
            // 31 March: as the caseload and waiting-list read models have it now.
            query("/api/timeline?asOf=2026-03-31")
                    .andExpect(jsonPath("$.openCases").value(3))
                    .andExpect(jsonPath("$.waitingList").value(3))
                    .andExpect(jsonPath("$.casesByStatus.ALLOCATED").value(2))
                    .andExpect(jsonPath("$.casesByStatus.RECEIVED").value(1))
                    .andExpect(jsonPath("$.caseloadPerWorker.lw-1").value(2))
                    .andExpect(jsonPath("$.caseloadPerWorker.lw-2").value(1))
                    .andExpect(jsonPath("$.totalsFrom").value("2026-03-01"));
        }

        @Test
        void the_totals_to_date_are_the_statistics_of_the_same_period() throws Exception {
            String timeline = query("/api/timeline?asOf=2026-03-20").andReturn().getResponse().getContentAsString();
            String statistics = query("/api/statistics?from=2026-03-01&to=2026-03-20").andReturn().getResponse()
                    .getContentAsString();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            assertThat(json.readTree(timeline).get("totalsToDate")).isEqualTo(json.readTree(statistics).get("statistics"));
        }

        @Test
        void a_weekly_series_shows_the_state_at_each_period_end_and_the_flows_within() throws Exception {
            query("/api/timeline/series?from=2026-03-01&to=2026-03-15&interval=week")
                    .andExpect(jsonPath("$.periods[*].period", contains("2026-W09", "2026-W10", "2026-W11")))
                    .andExpect(jsonPath("$.periods[*].openAtEnd", contains(1, 1, 4)))
                    .andExpect(jsonPath("$.periods[*].waitingAtEnd", contains(1, 0, 2)))
                    .andExpect(jsonPath("$.periods[*].referralsIn", contains(1, 2, 2)))
                    .andExpect(jsonPath("$.periods[*].closuresOut", contains(0, 1, 0)));
            query("/api/timeline/series?from=2026-03-01&to=2026-03-31&interval=month&setting=fb-1")
                    .andExpect(jsonPath("$.periods[0].openAtEnd").value(1))
                    .andExpect(jsonPath("$.periods[0].waitingAtEnd").value(1))
                    .andExpect(jsonPath("$.periods[0].referralsIn").value(1));
            query("/api/timeline/series?from=2026-03-01&to=2026-03-31&interval=month")
                    .andExpect(jsonPath("$.periods[0].medianWaitDays").value(2));
            expectBadParameter("/api/timeline/series?from=2026-03-31&to=2026-03-01", "from");
            expectBadParameter("/api/timeline/series?from=2026-03-01&to=2026-03-31&interval=decade", "interval");
            expectBadParameter("/api/timeline", "asOf");
        }

        @Test
        void a_day_outside_the_programme_is_a_400_naming_it_not_an_unbounded_computation() throws Exception {
            // The programme's first day is 1 March (C6's receipt); the clock stands at 31 March.
            expectBadParameter("/api/timeline?asOf=9999-12-31", "asOf");
            expectBadParameter("/api/timeline?asOf=2026-04-02", "asOf");
            expectBadParameter("/api/timeline?asOf=2026-02-28", "asOf");
            query("/api/timeline?asOf=2026-04-01").andExpect(status().isOk());
            query("/api/timeline?asOf=2026-03-01").andExpect(jsonPath("$.casesByStatus.ACCEPTED").value(1));
            expectBadParameter("/api/statistics?from=2026-03-01&to=9999-12-31", "to");
            expectBadParameter("/api/statistics?from=2026-01-01&to=2026-02-28", "to");
            expectBadParameter("/api/timeline/series?from=2026-03-01&to=2026-04-02", "to");
            expectBadParameter("/api/statistics/series?from=2021-01-01&to=2026-03-31", "to");
            // A period may start before the first day: those days are empty.
            query("/api/statistics?from=2026-01-01&to=2026-03-31")
                    .andExpect(jsonPath("$.statistics.referrals.received").value(6));
        }
    }

    @Nested
    class Exports {

        @Test
        void the_cases_export_has_a_row_per_case_and_nothing_that_identifies_a_person() throws Exception {
            String csv = export("/api/exports/cases.csv");
            List<String> rows = csv.lines().toList();
            assertThat(rows).hasSize(7);
            assertThat(rows.get(0)).startsWith("referral_id,participant_id,setting_id,hscp,route,primary_need");
            assertThat(rows.get(1)).startsWith("C1,P000001,gp-1,GLASGOW_CITY,GP,DEBT,HOUSING;DEBT,CLOSED,2026-03-02,"
                    + "2026-03-02,,lw-1,1,2026-03-05,3,0,1,2,1,2,1,2026-03-20,GOALS_MET,0");
            assertThat(rows.get(6)).startsWith("C6,").endsWith(",1,,,1");
            assertThat(csv).doesNotContain("Fakename", "Test1", "Debt plan in place");
        }

        @Test
        void the_event_log_export_lists_every_case_event_in_order_without_payloads() throws Exception {
            List<String> rows = export("/api/exports/events.csv").lines().toList();
            assertThat(rows).hasSize(1 + 19 + 2 + 8 + 5 + 1 + 7);
            assertThat(rows.get(1)).isEqualTo("C1,0,ReferralReceived,2026-03-02T09:00:00Z,"
                    + rows.get(1).split(",")[4] + ",ADMIN,");
            assertThat(rows.get(19)).startsWith("C1,18,CaseClosed,2026-03-20T10:00:00Z,");
            assertThat(String.join("\n", rows)).doesNotContain("Participant", "Citizens Advice", "Debt plan");
        }

        @Test
        void the_xes_log_has_a_trace_per_case_and_an_event_per_stored_event() throws Exception {
            Map<String, List<Map<String, String>>> traces = traces(export("/api/exports/events.xes"));
            assertThat(traces.keySet()).containsExactly("C1", "C2", "C3", "C4", "C5", "C6");
            assertThat(traces.get("C1")).hasSize(19);
            assertThat(traces.get("C1").get(0)).containsEntry("concept:name", "ReferralReceived")
                    .containsEntry("time:timestamp", "2026-03-02T09:00:00Z")
                    .containsEntry("org:role", "ADMIN")
                    .containsEntry("sequence", "0")
                    .containsKey("recorded");
        }

        @Test
        void the_xes_log_is_valid_against_the_ieee_1849_schema_of_an_xes_library() throws Exception {
            // The schema science.aist:xes-model bundles (IEEE 1849-2016), not a copy of our own.
            URL xsd = getClass().getClassLoader().getResource("xes.xsd");
            assertThat(xsd).isNotNull();
            assertThat(xsd.toString()).contains("xes-model");
            Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd)
                    .newValidator();
            String xes = export("/api/exports/events.xes");
            assertThat(xes).contains("<log xes.version=\"2.0\">");

            validator.validate(new StreamSource(new StringReader(xes)));

            // The validator has teeth: the header the export used to write is refused.
            assertThatThrownBy(() -> validator.validate(new StreamSource(new StringReader(
                    xes.replace("xes.version=\"2.0\"", "xes.version=\"1849-2016\"")))))
                    .isInstanceOf(SAXParseException.class).hasMessageContaining("1849-2016");
        }

        @Test
        void a_trace_runs_in_business_time_with_the_stored_sequence_breaking_ties() throws Exception {
            Map<String, List<Map<String, String>>> traces = traces(export("/api/exports/events.xes"));
            traces.forEach((referral, events) -> assertThat(events.stream()
                    .map(event -> Instant.parse(event.get("time:timestamp"))).toList())
                    .as(referral).isSorted());
            // C1's first attendance (stored 6th, 10:00) was recorded after its baseline measure (stored 5th, 11:00);
            // its cancellation and closure share a time and keep their stored order.
            assertThat(traces.get("C1").stream().map(event -> event.get("sequence")).toList()).containsExactly(
                    "0", "1", "2", "3", "4", "6", "5", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
                    "18");
            assertThat(traces.get("C1").get(5)).containsEntry("concept:name", "AppointmentAttended");
            assertThat(traces.get("C1").subList(17, 19)).extracting(event -> event.get("concept:name"))
                    .containsExactly("AppointmentCancelled", "CaseClosed");
            // C3's rescheduling (15 March) was stored after the missed appointment of 16 March.
            assertThat(traces.get("C3").stream().map(event -> event.get("concept:name")).toList()).containsSubsequence(
                    "AppointmentRescheduled", "AppointmentMissed");
        }

        /** Each trace's events (by the trace's name), each as its attributes' values by key. */
        private Map<String, List<Map<String, String>>> traces(String xes) throws Exception {
            Document log = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xes)));
            Map<String, List<Map<String, String>>> traces = new LinkedHashMap<>();
            NodeList traceElements = log.getElementsByTagName("trace");
            for (int t = 0; t < traceElements.getLength(); t++) {
                Element trace = (Element) traceElements.item(t);
                List<Map<String, String>> events = new ArrayList<>();
                NodeList eventElements = trace.getElementsByTagName("event");
                for (int e = 0; e < eventElements.getLength(); e++) {
                    Map<String, String> values = new TreeMap<>();
                    NodeList attributes = ((Element) eventElements.item(e)).getElementsByTagName("*");
                    for (int a = 0; a < attributes.getLength(); a++) {
                        Element attribute = (Element) attributes.item(a);
                        values.put(attribute.getAttribute("key"), attribute.getAttribute("value"));
                    }
                    events.add(values);
                }
                traces.put(attributeOf(trace, "concept:name"), events);
            }
            return traces;
        }

        private static String attributeOf(Element parent, String key) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && key.equals(element.getAttribute("key"))) {
                    return element.getAttribute("value");
                }
            }
            throw new AssertionError("no attribute " + key);
        }

        @Test
        void only_evaluators_and_admins_export() throws Exception {
            mvc.perform(get("/api/exports/cases.csv").with(httpBasic("worker", "worker-demo")))
                    .andExpect(status().isForbidden());
        }

        private String export(String uri) throws Exception {
            var started = mvc.perform(get(uri).with(httpBasic("evaluator", "evaluator-demo")))
                    .andExpect(request().asyncStarted()).andReturn();
            return mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
        }
    }

    @Nested
    class AuditSearch {

        // The fixed history's events are recorded as the test runs: 3 setting, 5 worker, 8 participant, 42 case.
        final String today = "from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)
                + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);

        @Test
        void every_stored_event_has_a_row_naming_who_did_it_in_what_role() throws Exception {
            audit("/api/audit?" + today)
                    .andExpect(jsonPath("$.totalItems").value(58))
                    .andExpect(jsonPath("$.items.length()").value(50))
                    .andExpect(jsonPath("$.items[0].actorId").value("test"))
                    .andExpect(jsonPath("$.items[0].actorRole").value("ADMIN"));
            audit("/api/audit?" + today + "&role=admin").andExpect(jsonPath("$.totalItems").value(58));
            audit("/api/audit?" + today + "&actor=nobody").andExpect(jsonPath("$.totalItems").value(0));
        }

        @Test
        void rows_are_found_by_case_type_and_setting() throws Exception {
            audit("/api/audit?" + today + "&case=C1").andExpect(jsonPath("$.totalItems").value(19));
            audit("/api/audit?" + today + "&type=CaseClosed")
                    .andExpect(jsonPath("$.items[*].aggregateId", org.hamcrest.Matchers.containsInAnyOrder("C1", "C6")));
            // C3's eight events and the foodbank's registration and closure.
            audit("/api/audit?" + today + "&setting=fb-1").andExpect(jsonPath("$.totalItems").value(10));
        }

        @Test
        void a_search_is_bounded_and_for_auditors() throws Exception {
            expectBadParameter("/api/audit?from=2026-01-01&to=2026-12-31", "to");
            expectBadParameter("/api/audit?to=2026-12-31", "from");
            mvc.perform(get("/api/audit?" + today).with(httpBasic("worker", "worker-demo")))
                    .andExpect(status().isForbidden());
        }

        private ResultActions audit(String uri) throws Exception {
            return mvc.perform(get(uri).with(httpBasic("auditor", "auditor-demo"))).andExpect(status().isOk());
        }
    }

    @Nested
    class History {

        @Test
        void a_case_history_lists_every_stored_event_with_its_metadata() throws Exception {
            query("/api/cases/C1/history")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(19))
                    .andExpect(jsonPath("$[0].sequence").value(0))
                    .andExpect(jsonPath("$[0].type").value("ReferralReceived"))
                    .andExpect(jsonPath("$[0].revision").value("1"))
                    .andExpect(jsonPath("$[0].occurredAt").value("2026-03-02T09:00:00Z"))
                    .andExpect(jsonPath("$[0].payload.participantId").value("P000001"))
                    .andExpect(jsonPath("$[0].metadata.actorId").value("test"))
                    .andExpect(jsonPath("$[18].type").value("CaseClosed"));
            query("/api/cases/C404/history").andExpect(status().isNotFound());
        }

        @Test
        void a_case_as_of_a_version_is_folded_from_its_first_events() throws Exception {
            // Where the read model read that version's event, as the live case showed it then.
            query("/api/cases/C1?version=1")
                    .andExpect(jsonPath("$.status").value("ACCEPTED"))
                    .andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.position").value(org.hamcrest.Matchers.greaterThan(0))); 
            query("/api/cases/C1?version=10")
                    .andExpect(jsonPath("$.appointments[1].state").value("ATTENDED"))
                    .andExpect(jsonPath("$.attendanceCorrections").value(1));
            query("/api/cases/C1?version=99").andExpect(status().isNotFound());
        }

        @Test
        void a_case_as_of_an_instant_shows_what_the_store_held_then() throws Exception {
            query("/api/cases/C1?asOf=2000-01-01T00:00:00Z").andExpect(status().isNotFound());
            query("/api/cases/C1?asOf=2999-01-01T00:00:00Z").andExpect(jsonPath("$.status").value("CLOSED"));
            expectBadParameter("/api/cases/C1?asOf=yesterday", "asOf");
            expectBadParameter("/api/cases/C1?asOf=2999-01-01T00:00:00Z&version=1", "version");
            expectBadParameter("/api/cases/C1?version=-1", "version");
        }
    }

    @Nested
    class BadRequests {

        @Test
        void unknown_ids_are_404_problems() throws Exception {
            query("/api/cases/C404").andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            query("/api/links-workers/lw-404/caseload").andExpect(status().isNotFound());
        }

        @Test
        void bad_parameters_are_400_problems_naming_the_parameter() throws Exception {
            expectBadParameter("/api/statistics?from=2026-04-01&to=2026-03-01", "from");
            expectBadParameter("/api/statistics?from=yesterday&to=2026-03-01", "from");
            expectBadParameter("/api/statistics?to=2026-03-01", "from");
            expectBadParameter("/api/statistics?from=2010-01-01&to=2026-03-01", "to");
            expectBadParameter("/api/statistics/series?from=2026-03-01&to=2026-03-31&groupBy=colour", "groupBy");
            expectBadParameter("/api/statistics/series?from=2026-03-01&to=2026-03-31&interval=fortnight",
                    "interval");
            expectBadParameter("/api/cases?size=500", "size");
            expectBadParameter("/api/cases?status=LOST", "status");
            expectBadParameter("/api/cases/bad..id", "referralId");
            expectBadParameter("/api/waiting-list?setting=../x", "setting");
        }

    }

    private void expectBadParameter(String uri, String parameter) throws Exception {
        mvc.perform(get(uri).with(httpBasic("admin", "admin-demo"))).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    @Nested
    class RedeliveryAndReplay {

        @Test
        void re_delivering_events_changes_no_document() {
            Map<String, List<String>> before = snapshot();
            for (StreamingEventProcessor processor : streamingProcessors()) {
                processor.shutDown();
                tokenStore.storeToken(new GlobalSequenceTrackingToken(20), processor.getName(), 0);
                processor.start();
            }
            InMemoryEvents.awaitCaughtUp(progress, processing);
            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        void a_reset_and_replay_rebuilds_identical_documents() {
            Map<String, List<String>> before = snapshot();
            for (StreamingEventProcessor processor : streamingProcessors()) {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            }
            InMemoryEvents.awaitCaughtUp(progress, processing);
            assertThat(snapshot()).isEqualTo(before);
            assertThat(before.get("cases")).hasSize(6);
        }

        @Test
        void an_admin_rebuilds_one_projection_online_and_sees_where_each_stands() throws Exception {
            Map<String, List<String>> before = snapshot();
            mvc.perform(post("/api/admin/projections/cases/rebuild").with(httpBasic("admin", "admin-demo")))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.name").value("cases"));
            InMemoryEvents.awaitCaughtUp(progress, processing);
            assertThat(snapshot()).isEqualTo(before);
            mvc.perform(get("/api/admin/projections").with(httpBasic("admin", "admin-demo")))
                    .andExpect(jsonPath("$[*].name", contains("cases", "directory", "participants", "settings")))
                    .andExpect(jsonPath("$[*].lag", contains(0, 0, 0, 0)))
                    .andExpect(jsonPath("$[*].replaying", contains(false, false, false, false)))
                    .andExpect(jsonPath("$[*].etaSeconds", contains(0, 0, 0, 0)))
                    .andExpect(jsonPath("$[?(@.replayPercent != null)]").isEmpty());
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(meters.get("clw.projection.lag").tag("processing_group", "cases").gauge().value())
                        .isZero();
                assertThat(meters.get("clw.projection.position").tag("processing_group", "cases").gauge()
                        .value()).isPositive();
                assertThat(meters.get("clw.projection.replay.progress").tag("processing_group", "cases")
                        .gauge().value()).isOne();
            });
            mvc.perform(post("/api/admin/projections/nothing/rebuild").with(httpBasic("admin", "admin-demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/admin/projections/cases/rebuild").with(httpBasic("manager", "manager-demo")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void the_service_is_ready_once_projections_have_caught_up() throws Exception {
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
            mvc.perform(get("/actuator/health/readiness").with(httpBasic("admin", "admin-demo")))
                    .andExpect(jsonPath("$.components.mongo.status").value("UP"))
                    .andExpect(jsonPath("$.components.projections.details.cases").value("caught up"));
            mvc.perform(get("/actuator/health/readiness").with(httpBasic("manager", "manager-demo")))
                    .andExpect(jsonPath("$.components").doesNotExist());
        }

        private List<StreamingEventProcessor> streamingProcessors() {
            return InMemoryEvents.streamingProcessors(processing);
        }

        private Map<String, List<String>> snapshot() {
            return InMemoryEvents.documents(mongo, COLLECTIONS);
        }
    }

    private ResultActions query(String uri) throws Exception {
        return mvc.perform(get(uri).with(httpBasic("auditor", "auditor-demo")));
    }
}
