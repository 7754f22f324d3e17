package org.clw.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's windows, on a clock the test moves: no sleeping, no dependence on the machine's speed. */
class LoginThrottleTest {

    private static final String HOME = "192.0.2.10";
    private static final String ELSEWHERE = "198.51.100.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginSettings(3, 5, Duration.ofMinutes(15), null, null), clock);

    @Test
    void an_account_waits_after_its_limit_of_failures_until_the_oldest_leaves_the_window() {
        throttle.failed("manager", HOME);
        clock.advance(Duration.ofMinutes(1));
        throttle.failed("manager", ELSEWHERE);
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.wait("manager", HOME)).isEmpty();
        assertThat(throttle.failed("Manager", HOME)).isEqualTo(3);

        // From any address, in any case of its name: the oldest failure leaves the window 13 minutes from now.
        assertThat(throttle.wait("manager", "203.0.113.1")).contains(Duration.ofMinutes(13));
        assertThat(throttle.wait("MANAGER", HOME)).contains(Duration.ofMinutes(13));
        assertThat(throttle.wait("auditor", HOME)).isEmpty();

        clock.advance(Duration.ofMinutes(13).minusSeconds(1));
        assertThat(throttle.wait("manager", HOME)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.wait("manager", HOME)).isEmpty();
    }

    @Test
    void an_address_waits_after_its_limit_of_failures_whatever_the_accounts() {
        for (String username : new String[] {"a", "b", "c", "d", "e"}) {
            throttle.failed(username, HOME);
        }
        assertThat(throttle.wait("admin", HOME)).contains(Duration.ofMinutes(15));
        assertThat(throttle.wait("admin", ELSEWHERE)).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.wait("admin", HOME)).isEmpty();
    }

    @Test
    void a_success_clears_its_account_but_not_its_address() {
        throttle.failed("manager", HOME);
        throttle.failed("manager", HOME);
        throttle.failed("worker", HOME);
        throttle.failed("worker", HOME);
        throttle.succeeded("manager");
        assertThat(throttle.failed("manager", HOME)).isEqualTo(1);
        // The address has five failures now, the success notwithstanding.
        assertThat(throttle.wait("auditor", HOME)).isPresent();
    }
}
