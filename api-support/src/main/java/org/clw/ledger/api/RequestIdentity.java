package org.clw.ledger.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request a request id and a correlation id: taken from the client's {@code X-Request-Id} and
 * {@code X-Correlation-Id} headers when they are well formed, generated otherwise; echoed in the response and put in
 * the logging context.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdentity extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String REQUEST_ID_ATTRIBUTE = RequestIdentity.class.getName() + ".requestId";
    private static final String CORRELATION_ID_ATTRIBUTE = RequestIdentity.class.getName() + ".correlationId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = wellFormed(request.getHeader(REQUEST_ID_HEADER)).orElseGet(() -> UUID.randomUUID().toString());
        String correlationId = wellFormed(request.getHeader(CORRELATION_ID_HEADER)).orElse(requestId);
        request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        request.setAttribute(CORRELATION_ID_ATTRIBUTE, correlationId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        try (var ignoredRequest = MDC.putCloseable("requestId", requestId);
             var ignoredCorrelation = MDC.putCloseable("correlationId", correlationId)) {
            chain.doFilter(request, response);
        }
    }

    /** The id this filter gave the request. */
    public static Optional<String> requestIdOf(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(REQUEST_ID_ATTRIBUTE));
    }

    /** The correlation id this filter gave the request. */
    public static Optional<String> correlationIdOf(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(CORRELATION_ID_ATTRIBUTE));
    }

    private static Optional<String> wellFormed(String header) {
        return Optional.ofNullable(header).filter(value -> WELL_FORMED.matcher(value).matches());
    }
}
