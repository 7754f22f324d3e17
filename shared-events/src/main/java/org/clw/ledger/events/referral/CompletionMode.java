package org.clw.ledger.events.referral;

/** Whether the person completed an outcome measure alone or with help. */
public enum CompletionMode {
    SELF,
    ASSISTED
}
