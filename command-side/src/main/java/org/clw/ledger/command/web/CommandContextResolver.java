package org.clw.ledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.api.RequestIdentity;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Callers;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Builds a command endpoint's {@link CommandContext} from the request it serves. */
@Configuration(proxyBeanMethods = false)
class CommandContextResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static {
        // Not a request parameter: the API description leaves it out.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class);
    }

    private final Callers callers;

    CommandContextResolver(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandContext.class;
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Caller caller = callers.current();
        String requestId = RequestIdentity.requestIdOf(request).orElseGet(() -> UUID.randomUUID().toString());
        return new CommandContext(caller.username(), caller.role().name(), requestId,
                RequestIdentity.correlationIdOf(request).orElse(requestId),
                expectedVersion(request.getHeader(HttpHeaders.IF_MATCH)));
    }

    /** The aggregate version named by an {@code If-Match} header: {@code "3"}, {@code 3}, {@code W/"3"}. */
    private static Long expectedVersion(String header) {
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
