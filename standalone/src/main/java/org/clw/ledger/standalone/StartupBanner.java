package org.clw.ledger.standalone;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the system listens and who can log in, once it is up. Never a password or a hash. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent ready) {
        Environment environment = ready.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        List<String> users = Binder.get(environment)
                .bind("clw.security.users", Bindable.listOf(Map.class))
                .orElse(List.of()).stream()
                .map(user -> user.get("username") + " (" + user.get("role") + ")")
                .toList();
        log.info("CLW Ledger is up: dashboard {}/dashboard/, API UI {}/swagger-ui.html, API {}/api, readiness "
                + "{}/actuator/health/readiness, data in {}", base, base, base, base, environment.getProperty("clw.data-dir"));
        log.info("Users: {}; the demo users' passwords are <username>-demo (see README)", String.join(", ", users));
    }
}
