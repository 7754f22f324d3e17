package org.clw.ledger.command.web;

/**
 * What a command endpoint answers: the id of what the command created or changed, and the version of the aggregate
 * (the case, the worker, ...) after it, for optimistic concurrency.
 */
public record CommandAccepted(String id, long version) {
}
