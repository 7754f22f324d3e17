package org.clw.ledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.clw.ledger.api.InvalidParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The aggregate version named by the current request's {@code If-Match} header: {@code "3"}, {@code 3}, {@code W/"3"}. */
final class IfMatch {

    private IfMatch() {
    }

    static Long expectedVersion() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String header = request.getHeader(HttpHeaders.IF_MATCH);
        if (header == null || header.isBlank()) {
            return null;
        }
        String version = header.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!version.matches("\\d{1,18}")) {
            throw new InvalidParameter(HttpHeaders.IF_MATCH, "must be the aggregate version, such as \"3\"");
        }
        return Long.valueOf(version);
    }
}
