package org.clw.ledger.query.audit;

import java.util.List;
import org.clw.ledger.events.referral.ReferralId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** For auditors: a case's complete stored history, and proof that it is intact. */
@RestController
@RequestMapping("/api/cases/{referralId}/history")
class CaseHistoryController {

    private final CaseHistory history;

    CaseHistoryController(CaseHistory history) {
        this.history = history;
    }

    @GetMapping
    List<HistoryEntry> history(@PathVariable ReferralId referralId) {
        List<HistoryEntry> entries = history.history(referralId.value());
        if (entries.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown id " + referralId);
        }
        return entries;
    }

    @GetMapping("/verification")
    Verification verification(@PathVariable ReferralId referralId) {
        Verification verification = history.verify(referralId.value());
        if (verification.events() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown id " + referralId);
        }
        return verification;
    }
}
