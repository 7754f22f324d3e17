package org.clw.ledger.command.directory;

import java.util.regex.Pattern;
import org.clw.ledger.command.domain.InvalidCommand;
import org.clw.ledger.events.directory.OrganisationProfile;
import org.clw.ledger.events.directory.ServiceOffer;

/**
 * The rules of a directory entry's own fields, checked by the aggregates so that every way in (the API, the CSV
 * import) meets them. Contact channels are checked for their shape only: that they are an organisation's and not a
 * person's is the maintainer's promise (README, "The community directory").
 */
final class DirectoryRules {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s<>\"]{1,300}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,24}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");

    private DirectoryRules() {
    }

    static void check(OrganisationProfile profile) {
        if (profile == null) {
            throw new InvalidCommand("name", "an organisation needs a name and a kind");
        }
        requireName("name", profile.name());
        if (profile.kind() == null) {
            throw new InvalidCommand("kind", "an organisation needs a kind");
        }
        requireShape("website", profile.website(), WEBSITE, "must be an http or https address");
        requireShape("phone", profile.phone(), PHONE, "must be a telephone number: digits, spaces, + ( ) -");
        requireShape("email", profile.email(), EMAIL, "must be an email address");
    }

    static void check(ServiceOffer offer) {
        check(offer, "name");
    }

    /** A proposed entry: the organisation's name and the service it offers, named as the proposal request names them. */
    static void checkProposal(String organisationName, ServiceOffer offer) {
        requireName("organisationName", organisationName);
        check(offer, "serviceName");
    }

    private static void check(ServiceOffer offer, String nameField) {
        if (offer == null) {
            throw new InvalidCommand(nameField, "a service needs a name, needs, areas and link modes");
        }
        requireName(nameField, offer.name());
        if (offer.description() != null && offer.description().length() > MAX_DESCRIPTION) {
            throw new InvalidCommand("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (offer.needs().isEmpty()) {
            throw new InvalidCommand("needs", "a service serves at least one need of the taxonomy");
        }
        if (offer.programmeWide() == !offer.areas().isEmpty()) {
            throw new InvalidCommand("areas", "name the areas (HSCPs) a service serves, or make it programme-wide; "
                    + "not both");
        }
        if (offer.linkModes().isEmpty()) {
            throw new InvalidCommand("linkModes", "say how people are linked to it: SIGNPOST, REFERRAL, ACCOMPANIED");
        }
    }

    private static void requireName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidCommand(field, "must not be blank");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidCommand(field, "must be at most " + MAX_NAME + " characters");
        }
    }

    private static void requireShape(String field, String value, Pattern shape, String message) {
        if (value != null && !shape.matcher(value).matches()) {
            throw new InvalidCommand(field, message);
        }
    }
}
