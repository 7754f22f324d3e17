package org.clw.ledger.command.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Axon's command and event processor metrics (axon-micrometer) and the command outcome reach
 * {@code /actuator/prometheus} through Boot's registry alone: under Spring Boot 4, Axon's own auto-configuration
 * would add a registry of its own beside it.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:command-metrics;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class CommandMetricsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void axon_records_into_the_registry_that_prometheus_serves() {
        assertThat(context.getBean(GlobalMetricRegistry.class).getRegistry())
                .isSameAs(context.getBean(MeterRegistry.class));
        assertThat(context.getBeansOfType(SimpleMeterRegistry.class)).isEmpty();
    }

    @Test
    void a_handled_command_and_the_event_it_stored_are_in_prometheus_with_axons_names_and_the_outcome()
            throws Exception {
        String setting = "set-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/settings").with(httpBasic("admin", "admin-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"settingId":"%s","name":"Parkhead Health Centre","type":"GP_PRACTICE","hscp":"GLASGOW_CITY",
                         "practiceCode":"46110","deepEnd":true}""".formatted(setting)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/settings/{id}/closure", "set-unknown").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isNotFound());

        String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(metrics).contains(
                "commandBus_successTimer_seconds_count{payloadType=\"RegisterSetting\"}",
                "commandBus_failureTimer_seconds_count{payloadType=\"CloseSetting\"}",
                "commandBus_capacity{payloadType=\"RegisterSetting\"}",
                "eventProcessor_processedCounter_total{payloadType=\"SettingRegistered\",processorName=\"registry\"}",
                "eventProcessor_latency{processorName=\"registry\"}",
                "clw_commands_seconds_count{command=\"RegisterSetting\",outcome=\"accepted\"}",
                "clw_commands_seconds_count{command=\"CloseSetting\",outcome=\"refused\"}");
    }
}
