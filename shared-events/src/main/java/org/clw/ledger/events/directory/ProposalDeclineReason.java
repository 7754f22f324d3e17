package org.clw.ledger.events.directory;

/** Why a proposed directory entry was not added. */
public enum ProposalDeclineReason {
    ALREADY_IN_DIRECTORY,
    NOT_A_COMMUNITY_SERVICE,
    OUTSIDE_PROGRAMME_AREA,
    NOT_ENOUGH_DETAIL,
    OTHER
}
