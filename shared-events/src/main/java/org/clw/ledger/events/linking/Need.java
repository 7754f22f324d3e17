package org.clw.ledger.events.linking;

/** The need taxonomy: the social causes of ill health a referral is about. */
public enum Need {
    MENTAL_WELLBEING,
    TRAUMA,
    LONELINESS_ISOLATION,
    HOUSING,
    HOMELESSNESS,
    FINANCES_BENEFITS,
    DEBT,
    FUEL_POVERTY,
    FOOD_INSECURITY,
    EMPLOYMENT_SKILLS,
    CARING,
    BEREAVEMENT,
    RELATIONSHIPS_FAMILY,
    ABUSE_VIOLENCE,
    ADDICTIONS,
    ASYLUM_IMMIGRATION,
    PHYSICAL_HEALTH,
    PHYSICAL_ACTIVITY,
    DIGITAL_INCLUSION,
    LEGAL,
    OTHER
}
