package vn.tracker.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.tracker.common.BadInputException;
import vn.tracker.common.NotFoundException;

/**
 * Domain errors on console pages: an unknown code is a 404 page, malformed input a 400 page, both
 * in the reader's language and without internals. Access denials are left to Spring Security.
 */
@ControllerAdvice(annotations = ConsoleController.class)
class ConsoleErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return error(request, response, model, HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler({BadInputException.class, MethodArgumentTypeMismatchException.class})
    String badInput(HttpServletRequest request, HttpServletResponse response, Model model) {
        return error(request, response, model, HttpServletResponse.SC_BAD_REQUEST);
    }

    private static String error(HttpServletRequest request, HttpServletResponse response, Model model, int status) {
        response.setStatus(status);
        ConsoleModelAdvice.fill(model, request);
        model.addAttribute("status", status);
        return "error";
    }
}
