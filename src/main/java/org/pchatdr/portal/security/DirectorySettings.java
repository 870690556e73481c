package org.pchatdr.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with the company directory (issue 15), from the {@code PORTAL_LDAP_*} variables. Off
 * while {@code url} is empty. {@code userFilter} defaults to Active Directory's; {@code groupRoles}
 * is the initial groups → roles mapping as JSON, which the Settings page then overrides.
 * {@code nestedGroups}: {@code in-chain} asks Active Directory for every group a user belongs to,
 * nested ones included (LDAP_MATCHING_RULE_IN_CHAIN), {@code walk} follows {@code member} from group
 * to group (OpenLDAP and others), {@code auto} picks {@code in-chain} for AD's filter.
 */
@ConfigurationProperties("portal.ldap")
public record DirectorySettings(
        @DefaultValue("") String url,
        @DefaultValue("") String base,
        @DefaultValue("") String bindDn,
        @DefaultValue("") String bindPassword,
        @DefaultValue(DirectorySettings.AD_USER_FILTER) String userFilter,
        @DefaultValue("") String groupBase,
        @DefaultValue("") String truststore,
        @DefaultValue("") String truststorePassword,
        @DefaultValue("false") boolean startTls,
        @DefaultValue("") String groupRoles,
        @DefaultValue("auto") String nestedGroups) {

    public DirectorySettings {
        // PORTAL_LDAP_USER_FILTER unset reaches here as an empty string.
        userFilter = userFilter == null || userFilter.isBlank() ? AD_USER_FILTER : userFilter.strip();
    }

    /** Active Directory's account name; {@code user@domain} is accepted too (the domain is dropped). */
    public static final String AD_USER_FILTER = "(sAMAccountName={0})";

    public boolean enabled() {
        return !url.isBlank();
    }

    /** Whether the groups come from AD's LDAP_MATCHING_RULE_IN_CHAIN rather than a walk. */
    public boolean inChain() {
        return switch (nestedGroups.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "in-chain" -> true;
            case "walk" -> false;
            default -> userFilter.toLowerCase(java.util.Locale.ROOT).contains("samaccountname");
        };
    }
}
