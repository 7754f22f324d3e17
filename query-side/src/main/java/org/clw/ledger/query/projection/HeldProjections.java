package org.clw.ledger.query.projection;

import java.util.Optional;

/** Projections this instance holds stopped for now, which a rebuild must not start again. */
public interface HeldProjections {

    /** Why this instance holds the projection stopped, if it does. */
    Optional<String> held(String projection);
}
