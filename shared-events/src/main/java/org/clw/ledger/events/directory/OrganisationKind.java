package org.clw.ledger.events.directory;

/** What kind of organisation offers services in the community directory. */
public enum OrganisationKind {
    CHARITY,
    COMMUNITY_GROUP,
    COUNCIL_SERVICE,
    NHS_SERVICE,
    FOODBANK,
    ADVICE_SERVICE,
    OTHER
}
