package org.clw.ledger.query.statistics;

/** The names under which statistics buckets count things. */
final class Metric {

    static final String RECEIVED = "referralsReceived";
    static final String ACCEPTED = "referralsAccepted";
    static final String DECLINED = "referralsDeclined";
    static final String BOOKED = "appointmentsBooked";
    static final String ATTENDED = "appointmentsAttended";
    static final String MISSED = "appointmentsMissed";
    static final String CANCELLED = "appointmentsCancelled";
    /** Followed by {@code :days}: cases whose first attended appointment came that many days after referral. */
    static final String WAIT_DAYS = "waitDays";
    static final String CLOSED = "casesClosed";
    static final String CLOSED_AFTER_THREE = "casesClosedWith3PlusAttended";
    /** Followed by {@code :REASON}. */
    static final String CLOSURE_REASON = "closures";
    static final String ONWARD_MADE = "onwardReferralsMade";
    static final String ONWARD_TAKEN_UP = "onwardReferralsTakenUp";
    static final String ONWARD_NOT_TAKEN_UP = "onwardReferralsNotTakenUp";
    /** Followed by {@code :INSTRUMENT:count} and {@code :INSTRUMENT:sum}. */
    static final String OUTCOME_CHANGE = "outcomeChange";

    static final String ROUTE = "|route=";
    static final String NEED = "|need=";

    private Metric() {
    }
}
