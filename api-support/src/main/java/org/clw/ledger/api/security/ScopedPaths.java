package org.clw.ledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks every path that names a case, participant, worker or setting against the part of the programme a links
 * worker or service manager may touch, before the handler runs. Keyed on the path variables' names, so a new endpoint
 * is covered as soon as it names its ids the way all the others do. Each side subclasses it with its own source of
 * truth: the command side its registry, the query side its read models.
 */
public abstract class ScopedPaths implements HandlerInterceptor, WebMvcConfigurer {

    private final Callers callers;

    protected ScopedPaths(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        interceptors.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** The caller of the current request. */
    public Caller caller() {
        return callers.current();
    }

    /** Whether this side serves the request, so that in one application each side checks only its own. */
    protected abstract boolean serves(HttpServletRequest request);

    /** @throws NotVisible when the caller may not know the case exists */
    protected abstract void checkCase(Caller caller, String referralId);

    /** @throws NotVisible when the caller may not know the participant exists */
    protected abstract void checkParticipant(Caller caller, String participantId);

    /** @throws OutOfScope when the worker is not the caller, nor works in a setting the caller manages */
    protected abstract void checkWorker(Caller caller, String workerId);

    /** @throws OutOfScope when the caller does not manage the setting */
    protected void checkSetting(Caller caller, String settingId) {
        if (!caller.manages(settingId)) {
            throw new OutOfScope("Setting " + settingId + " is not one you manage");
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod) || !serves(request)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || variables.isEmpty()) {
            return true;
        }
        Caller caller = callers.current();
        if (!caller.isScoped()) {
            return true;
        }
        try {
            variables.forEach((name, value) -> {
                switch (name) {
                    case "referralId" -> checkCase(caller, value);
                    case "participantId" -> checkParticipant(caller, value);
                    case "workerId" -> checkWorker(caller, value);
                    case "settingId" -> checkSetting(caller, value);
                    default -> { }
                }
            });
        } catch (IllegalArgumentException malformed) {
            // Not a valid id at all: binding the handler's arguments answers with a 400 naming the field.
            return true;
        }
        return true;
    }
}
