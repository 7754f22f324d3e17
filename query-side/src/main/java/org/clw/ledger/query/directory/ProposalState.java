package org.clw.ledger.query.directory;

/** Where a proposed directory entry stands. */
enum ProposalState {
    OPEN,
    ACCEPTED,
    DECLINED
}
