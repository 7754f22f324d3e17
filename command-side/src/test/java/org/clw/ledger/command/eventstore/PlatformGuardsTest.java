package org.clw.ledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.clw.ledger.command.CommandSideApplication;
import org.clw.ledger.command.setting.RegisterSetting;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingType;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMode;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OnwardReferralOutcomeRecorded;
import org.clw.ledger.events.referral.ReferralId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a platform upgrade can break without a compile error (Spring Boot 4 under Axon 4 did each of these silently):
 * commands must run in a database transaction, and events must keep the exact JSON form they are stored in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformGuardsTest {

    ConfigurableApplicationContext app;

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(CommandSideApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:platform-guards;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_command_is_handled_inside_a_transaction_of_the_registry_database() {
        assertThat(app.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
        AtomicBoolean inTransaction = new AtomicBoolean();
        MessageHandlerInterceptor<CommandMessage<?>> probe = (unitOfWork, chain) -> {
            inTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
            return chain.proceed();
        };
        try (var registration = app.getBean(CommandBus.class).registerHandlerInterceptor(probe)) {
            app.getBean(CommandGateway.class).sendAndWait(new RegisterSetting(new SettingId("gp-guard"), "Guard Practice",
                    SettingType.GP_PRACTICE, Hscp.GLASGOW_CITY, null, false));
        }
        assertThat(inTransaction).isTrue();
    }

    @Test
    void events_are_stored_as_the_json_every_earlier_release_wrote() {
        Serializer events = app.getBean("eventSerializer", Serializer.class);
        AppointmentBooked booked = new AppointmentBooked(new ReferralId("ref-1"), new AppointmentId("appt-1"),
                Instant.parse("2026-03-02T10:00:00Z"), 45, AppointmentMode.IN_PERSON,
                Instant.parse("2026-03-01T09:30:15.250Z"));

        SerializedObject<String> stored = events.serialize(booked, String.class);

        assertThat(stored.getData()).isEqualTo("""
                {"referralId":"ref-1","appointmentId":"appt-1","start":"2026-03-02T10:00:00Z","durationMinutes":45,\
                "mode":"IN_PERSON","occurredAt":"2026-03-01T09:30:15.250Z"}""");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void an_event_with_a_field_this_release_does_not_know_is_still_read() {
        Serializer events = app.getBean("eventSerializer", Serializer.class);
        String written = """
                {"referralId":"ref-1","appointmentId":"appt-1","start":"2026-03-02T10:00:00Z","durationMinutes":45,\
                "mode":"PHONE","occurredAt":"2026-03-01T09:30:00Z","room":"added by a later release"}""";

        AppointmentBooked read = events.deserialize(new SimpleSerializedObject<>(written, String.class,
                new SimpleSerializedType(AppointmentBooked.class.getName(), "1")));

        assertThat(read.mode()).isEqualTo(AppointmentMode.PHONE);
        assertThat(read.start()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void the_event_stores_upcaster_chain_moves_stored_outcomes_on_to_their_current_revision() {
        Serializer events = app.getBean("eventSerializer", Serializer.class);
        var stored = new GenericDomainEventEntry<>("Referral", "ref-1", 5, "event-1", "2026-03-02T09:30:00Z",
                OnwardReferralOutcomeRecorded.class.getName(), "1", """
                {"referralId":"ref-1","onwardReferralId":"onw-1","outcome":"TAKEN_UP",\
                "occurredAt":"2026-03-02T09:30:00Z"}""", "{}");

        var upcast = app.getBean(org.axonframework.config.Configuration.class).upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(stored, events))).toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            OnwardReferralOutcomeRecorded read = events.deserialize(event.getData());
            assertThat(read.outcome()).isEqualTo(OnwardReferralOutcome.TAKEN_UP);
            assertThat(read.correctionReason()).isNull();
        });
    }
}
