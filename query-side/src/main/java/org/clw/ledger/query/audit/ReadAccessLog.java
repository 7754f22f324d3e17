package org.clw.ledger.query.audit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Callers;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every read of the API, before it is answered: who (user and role), when, which endpoint, which case,
 * participant or worker, and the query's parameters (ids, dates and codes, never personal data); its status is added
 * when it completes. If the record cannot be written the read is refused, so no read goes unrecorded. The
 * {@code read_access} collection has no endpoint that changes it, and each record is chained to the one before
 * ({@link ReadAccessChain}), so a change made behind the API shows at {@code /api/audit/reads/verification}; auditors
 * search it at {@code /api/audit/reads}. It runs before the per-case checks, so refused attempts are recorded too.
 */
@Component
class ReadAccessLog implements HandlerInterceptor, WebMvcConfigurer {

    static final String COLLECTION = "read_access";
    private static final String RECORD = ReadAccessLog.class.getName() + ".record";
    private static final int MAX_QUERY_LENGTH = 500;

    private final ReadAccessChain chain;
    private final Callers callers;
    private final Clock clock;

    ReadAccessLog(ReadAccessChain chain, Callers callers, Clock clock) {
        this.chain = chain;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        // The community directory holds no personal data, and its search words are what a worker typed: not kept.
        interceptors.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/directory/**")
                .order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // A live view's stream comes back through the dispatcher when it ends: it was recorded when it was opened.
        if (!HttpMethod.GET.matches(request.getMethod()) || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true;
        }
        Caller caller = callers.current();
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Document record = new Document("at", Date.from(clock.instant()))
                .append("actorId", caller.username())
                .append("actorRole", caller.role().name())
                .append("endpoint", pattern == null ? request.getRequestURI() : pattern.toString())
                .append("ids", variables == null ? Map.of() : new TreeMap<>(variables))
                .append("referralId", variables == null ? null : variables.get("referralId"))
                .append("participantId", variables == null ? null : variables.get("participantId"))
                .append("query", truncated(request.getQueryString()));
        request.setAttribute(RECORD, chain.append(record));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (request.getAttribute(RECORD) instanceof Long sequence) {
            chain.complete(sequence, response.getStatus());
        }
    }

    private static String truncated(String query) {
        return query == null || query.length() <= MAX_QUERY_LENGTH ? query : query.substring(0, MAX_QUERY_LENGTH);
    }
}
