package org.clw.ledger.events.participant;

/**
 * The non-identifying facts about a person that statistics need; kept in clear.
 *
 * @param simdDecile Scottish Index of Multiple Deprivation decile of the home postcode, 1 (most deprived) to 10,
 *                   or null when unknown
 */
public record Demographics(Gender gender, AgeBand ageBand, Integer simdDecile) {
}
