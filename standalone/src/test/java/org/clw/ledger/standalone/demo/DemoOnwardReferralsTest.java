package org.clw.ledger.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clw.ledger.command.directory.AddService;
import org.clw.ledger.command.directory.WithdrawService;
import org.clw.ledger.command.referral.CreateReferral;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.junit.jupiter.api.Test;

/** The demo plan's onward referrals use its directory the way the case rules require, and a few go outside it. */
class DemoOnwardReferralsTest {

    static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 31);

    @Test
    void onward_referrals_name_an_open_service_for_the_need_in_the_settings_area_taking_people_that_way() {
        DemoPlan plan = new DemoPlan(2014, 3_000, LAST_DAY);
        Map<ServiceId, ServiceOffer> offers = new HashMap<>();
        Map<ServiceId, Instant> withdrawn = new HashMap<>();
        for (Step step : plan.directory.steps) {
            if (step.command() instanceof AddService add) {
                offers.put(add.serviceId(), add.offer());
            } else if (step.command() instanceof WithdrawService withdrawal) {
                withdrawn.put(withdrawal.serviceId(), step.at());
            }
        }
        Map<SettingId, Hscp> areas = new HashMap<>();
        plan.programme.settings.forEach(setting -> areas.put(setting.id(), setting.hscp()));
        Map<ReferralId, Hscp> caseAreas = new HashMap<>();
        int inDirectory = 0;
        int outside = 0;
        for (List<Step> story : plan.cases) {
            for (Step step : story) {
                if (step.command() instanceof CreateReferral referral) {
                    caseAreas.put(referral.referralId(), areas.get(referral.settingId()));
                } else if (step.command() instanceof DemoOnwardReferral onward) {
                    if (onward.service() == null) {
                        outside++;
                        assertThat(onward.organisation()).isNotBlank();
                        continue;
                    }
                    inDirectory++;
                    assertThat(onward.organisation()).isNull();
                    ServiceOffer offer = offers.get(onward.service());
                    assertThat(offer.needs()).contains(onward.need());
                    assertThat(offer.linkModes()).contains(onward.kind());
                    assertThat(offer.programmeWide() || offer.areas().contains(caseAreas.get(onward.referralId())))
                            .as("%s serves the case's area", onward.service()).isTrue();
                    Instant closed = withdrawn.get(onward.service());
                    assertThat(closed == null || step.at().isBefore(closed)).as("open then").isTrue();
                }
            }
        }
        double outsideShare = (double) outside / (inDirectory + outside);
        assertThat(inDirectory).isGreaterThan(500);
        assertThat(outsideShare).as("share outside the directory").isBetween(0.04, 0.20);
    }

    @Test
    void the_same_seed_plans_the_same_onward_referrals() {
        assertThat(onwardReferrals(new DemoPlan(7, 400, LAST_DAY)))
                .isEqualTo(onwardReferrals(new DemoPlan(7, 400, LAST_DAY)));
    }

    private static List<Object> onwardReferrals(DemoPlan plan) {
        return plan.cases.stream().flatMap(List::stream).map(Step::command)
                .filter(DemoOnwardReferral.class::isInstance).toList();
    }
}
