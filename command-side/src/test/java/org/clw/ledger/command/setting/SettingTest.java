package org.clw.ledger.command.setting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingClosed;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingRegistered;
import org.clw.ledger.events.setting.SettingType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final SettingId PRACTICE = new SettingId("gp-46110");
    static final RegisterSetting REGISTER = new RegisterSetting(PRACTICE, "Parkhead Health Centre",
            SettingType.GP_PRACTICE, Hscp.GLASGOW_CITY, "46110", true);
    static final SettingRegistered REGISTERED = new SettingRegistered(PRACTICE, "Parkhead Health Centre",
            SettingType.GP_PRACTICE, Hscp.GLASGOW_CITY, "46110", true, Instant.parse("2026-01-01T00:00:00Z"));

    AggregateTestFixture<Setting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Setting.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_setting_is_registered() {
        fixture.givenNoPriorActivity().when(REGISTER)
                .expectEvents(new SettingRegistered(PRACTICE, "Parkhead Health Centre", SettingType.GP_PRACTICE,
                        Hscp.GLASGOW_CITY, "46110", true, NOW))
                .expectResultMessagePayload(0L);
    }

    @Test
    void registering_the_same_setting_again_changes_nothing() {
        fixture.given(REGISTERED).when(REGISTER).expectNoEvents().expectResultMessagePayload(0L);
    }

    @Test
    void registering_a_different_setting_under_the_same_id_is_a_conflict() {
        fixture.given(REGISTERED)
                .when(new RegisterSetting(PRACTICE, "Elsewhere", SettingType.FOODBANK, Hscp.GLASGOW_CITY, null,
                        false))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Setting gp-46110 already exists with different content");
    }

    @Test
    void a_setting_is_closed() {
        fixture.given(REGISTERED).when(new CloseSetting(PRACTICE))
                .expectEvents(new SettingClosed(PRACTICE, NOW));
    }

    @Test
    void a_closed_setting_cannot_be_closed_again() {
        fixture.given(REGISTERED, new SettingClosed(PRACTICE, NOW)).when(new CloseSetting(PRACTICE))
                .expectException(RuleViolation.class);
    }
}
