package org.clw.ledger.events;

import java.util.Arrays;
import java.util.List;

/**
 * The metadata keys a stored event may carry, so that an auditor can tell who did what, in what role, why, and that
 * nothing was altered. This is the one list: what the hash chain covers ({@link EventHash}) and what an event inherits
 * from the command that caused it are derived from it, and a key that is not here fails the build
 * (CommandApiTest's check of every stored event's metadata), so a new key must say both.
 */
public enum AuditKey {

    /** The authenticated user who sent the command, never taken from a request body. */
    ACTOR_ID("actorId", Hashed.YES, FromCommand.YES),
    /** The role that user acted in. */
    ACTOR_ROLE("actorRole", Hashed.YES, FromCommand.YES),
    /** The client's correlation id, or the request id when it gave none. */
    CORRELATION_ID("correlationId", Hashed.YES, FromCommand.YES),
    /** On a command, the request that sent it; on an event, the command message that caused it. */
    CAUSATION_ID("causationId", Hashed.YES, FromCommand.NO),
    /** The command's name, such as {@code CloseCase}. */
    COMMAND_NAME("commandName", Hashed.YES, FromCommand.YES),
    /** The HTTP request the command came from. */
    REQUEST_ID("requestId", Hashed.YES, FromCommand.YES),
    /** The reason the user gave for the command, where it takes one. */
    REASON("reason", Hashed.YES, FromCommand.YES),
    /** The event's own place in the tamper-evidence chain: what the hash is, so it cannot cover itself. */
    HASH("hash", Hashed.NO, FromCommand.NO),
    /** The hash the event follows; covered through the hash's input, which starts with it. */
    PREVIOUS_HASH("previousHash", Hashed.NO, FromCommand.NO);

    /** Whether the hash chain covers the key. */
    public enum Hashed { YES, NO }

    /** Whether an event inherits the key's value from the command that caused it. */
    public enum FromCommand { YES, NO }

    private final String key;
    private final Hashed hashed;
    private final FromCommand fromCommand;

    AuditKey(String key, Hashed hashed, FromCommand fromCommand) {
        this.key = key;
        this.hashed = hashed;
        this.fromCommand = fromCommand;
    }

    /** The key as stored in the event's metadata. */
    public String key() {
        return key;
    }

    /** The keys the hash chain covers, in a fixed order. */
    public static List<String> hashed() {
        return Arrays.stream(values()).filter(key -> key.hashed == Hashed.YES).map(AuditKey::key).toList();
    }

    /** The keys an event takes over from the command that caused it. */
    public static List<String> fromCommand() {
        return Arrays.stream(values()).filter(key -> key.fromCommand == FromCommand.YES).map(AuditKey::key).toList();
    }

    /** Every key, as stored. */
    public static List<String> all() {
        return Arrays.stream(values()).map(AuditKey::key).toList();
    }
}
