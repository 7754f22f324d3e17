package org.clw.ledger.command.directory;

/** What importing a row did to an organisation or a service. */
enum ImportOutcome {
    ADDED,
    CHANGED,
    UNCHANGED,
    REFUSED
}
