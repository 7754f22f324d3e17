package org.clw.ledger.query.projection;

/**
 * The names of the read models' collections that more than one feature reads (access checks read cases and
 * caseloads; every period is bounded by the programme's first day), so that no feature package needs another's
 * document types for them.
 */
public final class Collections {

    public static final String CASES = "cases";
    public static final String CASELOADS = "caseloads";
    public static final String PARTICIPANTS = "participants";
    /** One document, {@code first-day}: the day of the programme's earliest referral, which bounds every period. */
    public static final String PROGRAMME = "programme";

    private Collections() {
    }
}
