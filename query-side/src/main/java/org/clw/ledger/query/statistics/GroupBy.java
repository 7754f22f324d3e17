package org.clw.ledger.query.statistics;

/** How a series splits each period: by the bucket's setting or its HSCP, or by the cases' need or route. */
enum GroupBy {
    SETTING,
    HSCP,
    NEED,
    ROUTE
}
