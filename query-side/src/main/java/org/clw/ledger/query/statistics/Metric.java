package org.clw.ledger.query.statistics;

/** The metrics and dimensions under which statistics count things (see {@link org.clw.ledger.query.projection.Counter}). */
final class Metric {

    static final String RECEIVED = "referralsReceived";
    static final String ACCEPTED = "referralsAccepted";
    static final String DECLINED = "referralsDeclined";
    static final String BOOKED = "appointmentsBooked";
    static final String ATTENDED = "appointmentsAttended";
    static final String MISSED = "appointmentsMissed";
    static final String CANCELLED = "appointmentsCancelled";
    /** Detail: days from referral to a case's first attended appointment, a histogram bin. */
    static final String WAIT_DAYS = "waitDays";
    static final String CLOSED = "casesClosed";
    static final String CLOSED_AFTER_THREE = "casesClosedWith3PlusAttended";
    /** Detail: the closure reason. */
    static final String CLOSURE_REASON = "closures";
    static final String ONWARD_MADE = "onwardReferralsMade";
    static final String ONWARD_TAKEN_UP = "onwardReferralsTakenUp";
    static final String ONWARD_NOT_TAKEN_UP = "onwardReferralsNotTakenUp";
    /** Detail: the instrument; cases with a change, and the sum of their changes. */
    static final String OUTCOME_CHANGE_CASES = "outcomeChangeCases";
    static final String OUTCOME_CHANGE_SUM = "outcomeChangeSum";

    static final String ROUTE = "route";
    static final String NEED = "need";

    private Metric() {
    }
}
