package org.clw.ledger.query.dashboard;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard is static (src/main/resources/static/dashboard) and reads the API with the caller's credentials;
 * this only sends the short addresses to it.
 */
@Controller
class DashboardController {

    @GetMapping({"/", "/dashboard", "/dashboard/"})
    ResponseEntity<Void> dashboard() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/dashboard/index.html")).build();
    }
}
