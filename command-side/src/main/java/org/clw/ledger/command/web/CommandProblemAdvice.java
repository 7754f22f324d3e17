package org.clw.ledger.command.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.clw.ledger.api.Problems;
import org.clw.ledger.command.domain.CommandRefusal;
import org.clw.ledger.command.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A command handler's refusal as a problem: 400 for an invalid field, 404 for an unknown id, 409 for a rule. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemAdvice.class);

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail refused(CommandExecutionException exception) {
        return exception.getDetails()
                .filter(CommandRefusal.class::isInstance)
                .map(CommandRefusal.class::cast)
                .map(refusal -> switch (refusal.kind()) {
                    case INVALID -> Problems.invalid(refusal.field(), refusal.message());
                    case NOT_FOUND -> Problems.notFound(refusal.message());
                    case CONFLICT -> Problems.conflict(refusal.message());
                })
                .orElseGet(() -> {
                    log.error("A command failed unexpectedly", exception);
                    return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                            "Something went wrong on our side; the request id in the X-Request-Id header identifies it");
                });
    }

    /** A refusal decided before any command was sent, such as sealing details for an erased participant. */
    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation exception) {
        return Problems.conflict(exception.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException exception) {
        return Problems.notFound("Unknown id " + exception.getAggregateIdentifier());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException exception) {
        return Problems.conflict("Someone else changed this at the same moment; read it again and retry");
    }
}
