package org.clw.ledger.query.projection;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link WriteBehind} group's token store: the token of a batch whose writes are carried over is not stored (the
 * claim is extended instead), any other token is stored only after what is carried is written, and on a stop what is
 * carried is written with the token that covers it before the claim is released. A claim taken or a token deleted
 * drops what is carried: the processor starts again from the stored token.
 */
final class WriteBehindTokenStore implements TokenStore {

    private static final Logger log = LoggerFactory.getLogger(WriteBehindTokenStore.class);

    private final TokenStore delegate;
    private final WriteBehind writeBehind;

    WriteBehindTokenStore(TokenStore delegate, WriteBehind writeBehind) {
        this.delegate = delegate;
        this.writeBehind = writeBehind;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (writeBehind.holdBack(token)) {
            delegate.extendClaim(processorName, segment);
        } else {
            delegate.storeToken(token, processorName, segment);
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        try {
            TrackingToken written = writeBehind.release();
            if (written != null) {
                delegate.storeToken(written, processorName, segment);
            }
        } catch (RuntimeException failed) {
            // Not written, or its token not stored: the stored token is behind it, so its events come again.
            log.warn("Writing the carried changes of {} on release failed: {}", processorName, failed.toString());
        }
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        writeBehind.discard();
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        writeBehind.discard();
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        writeBehind.discard();
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
