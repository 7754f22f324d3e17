package org.clw.ledger.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The shapes of the API's problem responses, so that both sides name offending fields the same way. */
public final class Problems {

    private Problems() {
    }

    /** A 400 whose {@code errors} list each offending field with why it is wrong. */
    public static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields: " + errors.stream().map(error -> error.get("field"))
                        .distinct().collect(Collectors.joining(", ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(fieldError(field, message)));
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    public static ProblemDetail notFound(String detail) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    }

    public static ProblemDetail conflict(String detail) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    }
}
