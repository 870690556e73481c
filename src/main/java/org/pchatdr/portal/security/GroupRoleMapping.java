package org.pchatdr.portal.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.Role;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Directory groups → portal roles (issue 15), as an administrator wrote them: group DNs as typed,
 * compared as distinguished names (case and spacing of the directory's answer do not matter). Any
 * role of {@link Role} may be given, so new roles need no change here.
 *
 * <p>The same mapping serves OpenID Connect (decision 021): the groups or roles claim of ADFS or
 * Entra ID carries group names, object IDs or app role values rather than DNs. A key without
 * {@code =} is such a name, compared without regard to case; a key with {@code =} must be a DN.
 * {@link #resolve} is the one function that turns groups into roles, for LDAP and OIDC alike.
 */
public record GroupRoleMapping(Map<String, Set<Role>> entries) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public GroupRoleMapping {
        Map<String, Set<Role>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        entries.forEach((dn, roles) -> {
            String group = dn == null ? "" : dn.strip();
            key(group);
            if (roles == null || roles.isEmpty()) {
                throw new PortalException(Kind.INVALID, "directory_mapping_no_role", group);
            }
            if (copy.put(group, Set.copyOf(EnumSet.copyOf(roles))) != null) {
                throw new PortalException(Kind.INVALID, "directory_mapping_duplicate", group);
            }
        });
        entries = java.util.Collections.unmodifiableMap(copy);
    }

    public static GroupRoleMapping empty() {
        return new GroupRoleMapping(Map.of());
    }

    /** The JSON of {@code PORTAL_LDAP_GROUP_ROLES}: {@code {"<group DN>": ["OPERATOR"], …}}. */
    public static GroupRoleMapping parse(String json) {
        if (json == null || json.isBlank()) {
            return empty();
        }
        Map<String, List<String>> raw;
        try {
            raw = JSON.readValue(json, new TypeReference<LinkedHashMap<String, List<String>>>() {});
        } catch (JacksonException e) {
            throw new PortalException(Kind.INVALID, "directory_mapping_json");
        }
        Map<String, Set<Role>> entries = new LinkedHashMap<>();
        raw.forEach((dn, names) -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : names == null ? List.<String>of() : names) {
                try {
                    roles.add(Role.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new PortalException(Kind.INVALID, "directory_mapping_role", role);
                }
            }
            entries.put(dn, roles);
        });
        return new GroupRoleMapping(entries);
    }

    public String toJson() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        entries.forEach((dn, roles) ->
                out.put(dn, EnumSet.copyOf(roles).stream().map(Role::name).toList()));
        return JSON.writeValueAsString(out);
    }

    /** This mapping with {@code group} giving {@code roles}, or removed when {@code roles} is empty. */
    public GroupRoleMapping with(String group, Set<Role> roles) {
        Map<String, Set<Role>> next = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        next.putAll(entries);
        Object wanted = key(group == null ? "" : group.strip());
        next.keySet().removeIf(dn -> key(dn).equals(wanted));
        if (roles != null && !roles.isEmpty()) {
            next.put(group.strip(), roles);
        }
        return new GroupRoleMapping(next);
    }

    /** The roles that the groups {@code groupDns} give, and which of those groups gave them. */
    public Resolution resolve(Collection<String> groupDns) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> giving = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String dn : groupDns) {
            Object group = comparable(dn);
            if (group == null) {
                continue;
            }
            entries.forEach((mapped, given) -> {
                if (key(mapped).equals(group)) {
                    roles.addAll(given);
                    giving.add(mapped);
                }
            });
        }
        return new Resolution(roles, List.copyOf(giving));
    }

    @Override
    public String toString() {
        return toJson();
    }

    public record Resolution(Set<Role> roles, List<String> groups) {}

    /**
     * What a key is compared as: its {@link LdapName} when it is a DN, else its lower-case text (an
     * OIDC group name, object ID or role value). A key that looks like a DN but is not one is refused.
     */
    private static Object key(String group) {
        if (group.indexOf('=') >= 0) {
            return name(group);
        }
        if (group.isBlank() || group.chars().anyMatch(Character::isISOControl)) {
            throw new PortalException(Kind.INVALID, "directory_mapping_dn", group);
        }
        return group.toLowerCase(java.util.Locale.ROOT);
    }

    /** A group as the directory or the identity provider sent it, comparable with {@link #key}. */
    private static Object comparable(String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        String stripped = group.strip();
        return stripped.indexOf('=') >= 0 ? parsed(stripped) : stripped.toLowerCase(java.util.Locale.ROOT);
    }

    private static LdapName name(String dn) {
        LdapName name = parsed(dn);
        if (name == null || name.isEmpty()) {
            throw new PortalException(Kind.INVALID, "directory_mapping_dn", dn);
        }
        return name;
    }

    private static LdapName parsed(String dn) {
        try {
            return new LdapName(dn);
        } catch (InvalidNameException | IllegalArgumentException e) {
            return null;
        }
    }
}
