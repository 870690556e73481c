package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.Optional;

/**
 * Makes the browser tab's title alternate between "{news} — {title}" and the title, so that someone
 * working in another tab sees that something new waits. The browser stops on its own as soon as the
 * tab gets the focus; the layout stops it when what was new went away. Only a tab without the focus
 * flashes: the person looking at it sees the badge change.
 */
public final class TitleFlash {

    // One flash per browser window, whatever the page: kept on window, restored to the title it saved.
    private static final String SCRIPT = """
            const w = window;
            if (w.portalTitleFlash) { w.portalTitleFlash.stop(); }
            if ($0 === null || document.hasFocus()) { return; }
            const title = document.title;
            const flashed = $0 + ' — ' + title;
            let on = true;
            document.title = flashed;
            const timer = setInterval(() => { on = !on; document.title = on ? flashed : title; }, 1000);
            const stop = () => {
              clearInterval(timer);
              document.title = title;
              w.removeEventListener('focus', stop);
              w.portalTitleFlash = null;
            };
            w.addEventListener('focus', stop);
            w.portalTitleFlash = { stop };
            """;

    private TitleFlash() {}

    /** Starts flashing {@code news} in the title of {@code ui}'s tab. */
    public static void start(UI ui, String news) {
        ComponentUtil.setData(ui, TitleFlash.class.getName(), news);
        ui.getPage().executeJs(SCRIPT, news);
    }

    /** Restores the title, if it flashes. */
    public static void stop(UI ui) {
        if (shown(ui).isPresent()) {
            ComponentUtil.setData(ui, TitleFlash.class.getName(), null);
            ui.getPage().executeJs(SCRIPT, (String) null);
        }
    }

    /** What the tab's title was last asked to flash, until stopped. */
    public static Optional<String> shown(UI ui) {
        return Optional.ofNullable((String) ComponentUtil.getData(ui, TitleFlash.class.getName()));
    }
}
