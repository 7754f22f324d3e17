package org.clw.ledger.api.security;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is to this API: what a client (the dashboard) needs to know which views to offer. */
@RestController
class CallerController {

    private final Callers callers;

    CallerController(Callers callers) {
        this.callers = callers;
    }

    record Me(String username, Role role, String workerId, List<String> managedSettings) {
    }

    @GetMapping("/api/me")
    Me me() {
        Caller caller = callers.current();
        return new Me(caller.username(), caller.role(), caller.workerId(),
                caller.managedSettings().stream().sorted().toList());
    }
}
