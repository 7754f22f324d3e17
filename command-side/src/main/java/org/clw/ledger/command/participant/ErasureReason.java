package org.clw.ledger.command.participant;

/** Why a participant's personal details were erased, recorded in the erasure event's audit metadata. */
enum ErasureReason {
    /** The person asked (UK GDPR article 17). */
    DATA_SUBJECT_REQUEST,
    /** The retention period for closed records ended. */
    RETENTION_PERIOD_ENDED,
    /** The person was registered in error, or twice. */
    REGISTERED_IN_ERROR,
    OTHER
}
