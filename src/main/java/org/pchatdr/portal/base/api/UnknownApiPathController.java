package org.pchatdr.portal.base.api;

import org.pchatdr.portal.base.PortalException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers API and actuator paths nothing serves, whatever the method, with a JSON 404; without it
 * the request would fall through to Vaadin, which answers with an HTML page.
 */
@RestController
class UnknownApiPathController {

    @RequestMapping({"/api/**", "/actuator/**"})
    void unknown() {
        throw new PortalException(PortalException.Kind.NOT_FOUND, "not_found");
    }
}
