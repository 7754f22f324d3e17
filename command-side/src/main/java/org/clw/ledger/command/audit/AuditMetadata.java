package org.clw.ledger.command.audit;

/** The metadata keys every stored event carries, so that an auditor can tell who did what, in what role and why. */
public final class AuditMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String COMMAND_NAME = "commandName";
    public static final String REQUEST_ID = "requestId";
    public static final String REASON = "reason";

    /** The actor recorded when a command has no authenticated user behind it. */
    public static final String SYSTEM_ACTOR = "system";

    private AuditMetadata() {
    }
}
