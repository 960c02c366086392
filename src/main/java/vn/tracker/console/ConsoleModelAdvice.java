package vn.tracker.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import vn.tracker.security.Actor;
import vn.tracker.security.CurrentActor;

/** What every console page's layout needs: who is signed in and the language-switch links. */
@ControllerAdvice
class ConsoleModelAdvice {

    /** The same attributes for views chosen by exception handlers (they get a fresh model). */
    static void fill(org.springframework.ui.Model model, HttpServletRequest request) {
        ConsoleModelAdvice advice = new ConsoleModelAdvice();
        model.addAttribute("actor", advice.actor());
        model.addAttribute("currentPath", advice.currentPath(request));
        model.addAttribute("languageLinks", advice.languageLinks(request));
    }

    @ModelAttribute("actor")
    Actor actor() {
        return CurrentActor.find().orElse(null);
    }

    /** The path below the context path, for marking the current section in the navigation. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    /**
     * The current URL with {@code lang} set, for each language: switching language keeps the
     * filters of the page (an htmx list update re-renders these links out of band).
     */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String lang : new String[] {"vi", "en"}) {
            // Relative (path + query as received, already encoded), so it never names a host.
            links.put(lang, UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString())
                    .replaceQueryParam(ConsoleLocaleConfiguration.LANG_PARAM, lang)
                    .build(true).toUriString());
        }
        return links;
    }
}
