package org.pchatdr.portal.security.api;

import java.util.Map;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.DirectoryMappingService;
import org.pchatdr.portal.security.GroupRoleMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory groups → roles mapping over REST (issue 15), in the JSON form of
 * PORTAL_LDAP_GROUP_ROLES: {@code {"<group DN>": ["OPERATOR"], …}}. PUT replaces the whole
 * mapping; ADMIN only and audited before → after, as on the Settings page.
 */
@RestController
@RequestMapping("/api/v1/settings/directory-group-roles")
record DirectoryMappingController(DirectoryMappingService mappings) {

    @GetMapping
    Map<String, Set<Role>> get() {
        return mappings.mapping().entries();
    }

    @PutMapping
    Map<String, Set<Role>> replace(@RequestBody Map<String, Set<Role>> mapping) {
        return mappings.replace(null, new GroupRoleMapping(mapping)).entries();
    }
}
