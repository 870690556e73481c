package org.pchatdr.portal.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Applies the language chosen with {@link LanguageSelect}; without a choice the browser's wins. */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(init -> chosenLocale(VaadinRequest.getCurrent())
                        .ifPresent(locale -> init.getUI().setLocale(locale)));
    }

    static Optional<Locale> chosenLocale(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> LanguageSelect.COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(value -> value.equals("en") || value.equals("fr"))
                .map(Locale::forLanguageTag)
                .findFirst();
    }
}
