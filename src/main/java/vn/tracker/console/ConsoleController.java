package vn.tracker.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of console pages (HTML): domain errors it lets through become the console's error
 * page with the right status ({@link ConsoleErrors}), never a stack trace.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsoleController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
