package org.pchatdr.portal.shell;

import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/** The two screens issue 12 judges the portal on: a laptop and a phone. */
enum ScreenSizes {
    DESKTOP(1440, 900, false),
    PHONE(390, 844, true);

    final int width;
    final int height;
    final boolean mobile;

    ScreenSizes(int width, int height, boolean mobile) {
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    /** Chromium's device emulation: exact sizes, which a headless window does not promise. */
    void apply(WebDriver driver) {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    String suffix() {
        return width + "x" + height;
    }
}
