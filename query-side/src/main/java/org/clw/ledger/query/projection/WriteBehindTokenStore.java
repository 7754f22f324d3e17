package org.clw.ledger.query.projection;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

/**
 * The token store as the processors see it: a token whose batch is carried over ({@link WriteBehind}) is not stored,
 * the claim is extended instead; a carried batch is written before any other token of its group is stored, and
 * dropped when its claim is released (the processor starts again from the stored token). Never dropped while the
 * processor goes on: its events would be lost.
 */
final class WriteBehindTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final WriteBehind writeBehind;

    WriteBehindTokenStore(TokenStore delegate, WriteBehind writeBehind) {
        this.delegate = delegate;
        this.writeBehind = writeBehind;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (writeBehind.beforeStore(processorName)) {
            delegate.extendClaim(processorName, segment);
        } else {
            delegate.storeToken(token, processorName, segment);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        writeBehind.discard(processorName);
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        writeBehind.discard(processorName);
        delegate.deleteToken(processorName, segment);
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
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
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
