package org.clw.ledger.query.referral;

public enum AppointmentState {
    BOOKED,
    CANCELLED,
    ATTENDED,
    MISSED
}
