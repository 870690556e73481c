package org.pchatdr.portal.security.api;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets automation check whose credentials it holds. */
@RestController
class MeController {

    record Me(String username, List<String> roles) {}

    @GetMapping("/api/v1/me")
    Me me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        return new Me(authentication.getName(), roles);
    }
}
