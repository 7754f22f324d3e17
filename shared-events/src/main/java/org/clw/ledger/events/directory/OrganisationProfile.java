package org.clw.ledger.events.directory;

/**
 * What the directory says about an organisation. Its contact channels are the organisation's public ones (a website,
 * a switchboard, a shared mailbox), never a person's details; each is optional.
 */
public record OrganisationProfile(
        String name,
        OrganisationKind kind,
        String website,
        String phone,
        String email) {
}
