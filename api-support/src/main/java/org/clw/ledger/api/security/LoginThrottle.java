package org.clw.ledger.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address over a sliding window, in memory, and says when a login
 * must wait. Refused attempts are not counted, so an account or address is free again once its failures age out of
 * the window.
 */
@Component
class LoginThrottle {

    /** Beyond this many tracked accounts and addresses, those with no failure left in the window are dropped. */
    private static final int TRACKED = 10_000;

    private final Map<String, ArrayDeque<Instant>> failures = new ConcurrentHashMap<>();
    private final LoginSettings settings;
    private final Clock clock;

    LoginThrottle(LoginSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long a login to this account from this address must wait; empty when it may be tried now. */
    Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        return Stream.of(wait(account(username), settings.accountFailures(), now),
                        wait(address(address), settings.addressFailures(), now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** Counts a failed login; the account's failures in the window, this one included. */
    int failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > TRACKED) {
            failures.keySet().forEach(key -> forget(key, now));
        }
        record(address(address), now);
        return record(account(username), now);
    }

    /** A successful login clears its account's failures (not its address's: one good password must not unlock all). */
    void succeeded(String username) {
        failures.remove(account(username));
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Instant[] freedAt = new Instant[1];
        failures.computeIfPresent(key, (ignored, times) -> {
            prune(times, now);
            if (times.size() >= limit) {
                // Free once all but limit - 1 of the failures have aged out of the window.
                Iterator<Instant> oldest = times.iterator();
                Instant decisive = oldest.next();
                for (int skip = times.size() - limit; skip > 0; skip--) {
                    decisive = oldest.next();
                }
                freedAt[0] = decisive.plus(settings.window());
            }
            return times.isEmpty() ? null : times;
        });
        return Optional.ofNullable(freedAt[0]).map(free -> Duration.between(now, free));
    }

    private int record(String key, Instant now) {
        return failures.compute(key, (ignored, times) -> {
            ArrayDeque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            prune(kept, now);
            kept.addLast(now);
            return kept;
        }).size();
    }

    /** Drops a key's failures that have left the window, and the key when none is left. */
    private void forget(String key, Instant now) {
        failures.computeIfPresent(key, (ignored, kept) -> {
            prune(kept, now);
            return kept.isEmpty() ? null : kept;
        });
    }

    private void prune(ArrayDeque<Instant> times, Instant now) {
        Instant start = now.minus(settings.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
            times.removeFirst();
        }
    }

    /** Usernames are matched without regard to case, as the user store does. */
    private static String account(String username) {
        return "account:" + username.toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
