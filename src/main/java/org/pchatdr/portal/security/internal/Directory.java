package org.pchatdr.portal.security.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.pchatdr.portal.security.DirectorySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.stereotype.Component;

/**
 * The company directory as the portal uses it (issue 15), through Spring Security's LDAP support:
 * the service account searches the user, the user's own password is checked by binding as them,
 * and the groups are read by member DN, nested ones included. Off while PORTAL_LDAP_URL is empty.
 * Every failure to reach the directory surfaces as a Spring LDAP exception for the caller to turn
 * into a clear message.
 */
@Component("companyDirectory")
public class Directory {

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    /** Active Directory's LDAP_MATCHING_RULE_IN_CHAIN: every group containing the user, at any depth. */
    static final String IN_CHAIN_FILTER = "(member:1.2.840.113556.1.4.1941:=%s)";

    /** A walk through groups of groups stops here, whatever the directory holds (cycles included). */
    private static final int MAX_GROUPS = 2000;

    private final DirectorySettings settings;
    private final DefaultSpringSecurityContextSource contextSource;
    private final FilterBasedLdapUserSearch userSearch;
    private final BindAuthenticator authenticator;
    private final LdapTemplate template;
    private final String groupBase;

    Directory(DirectorySettings settings) {
        this.settings = settings;
        if (!settings.enabled()) {
            contextSource = null;
            userSearch = null;
            authenticator = null;
            template = null;
            groupBase = null;
            return;
        }
        if (settings.url().strip().toLowerCase(Locale.ROOT).startsWith("ldap://") && !settings.startTls()) {
            log.warn(
                    "PORTAL_LDAP_URL {} is plain ldap:// without StartTLS: passwords cross the network"
                            + " readable. Use ldaps:// or PORTAL_LDAP_START_TLS=true.",
                    settings.url());
        }
        contextSource =
                new DefaultSpringSecurityContextSource(List.of(settings.url().strip()), settings.base());
        if (!settings.bindDn().isBlank()) {
            contextSource.setUserDn(settings.bindDn());
            contextSource.setPassword(settings.bindPassword());
        }
        Map<String, Object> environment = new HashMap<>();
        // An unreachable directory answers "cannot be reached" within seconds, not after minutes.
        environment.put("com.sun.jndi.ldap.connect.timeout", "5000");
        environment.put("com.sun.jndi.ldap.read.timeout", "10000");
        if (!settings.truststore().isBlank()) {
            DirectorySocketFactory.trust(settings.truststore(), settings.truststorePassword());
            environment.put("java.naming.ldap.factory.socket", DirectorySocketFactory.class.getName());
        }
        contextSource.setBaseEnvironmentProperties(environment);
        if (settings.startTls()) {
            DefaultTlsDirContextAuthenticationStrategy tls = new DefaultTlsDirContextAuthenticationStrategy();
            if (DirectorySocketFactory.current() != null) {
                tls.setSslSocketFactory(DirectorySocketFactory.current());
            }
            contextSource.setAuthenticationStrategy(tls);
            contextSource.setPooled(false);
        }
        contextSource.afterPropertiesSet();
        userSearch = new FilterBasedLdapUserSearch("", settings.userFilter(), contextSource);
        authenticator = new BindAuthenticator(contextSource);
        authenticator.setUserSearch(userSearch);
        template = new LdapTemplate(contextSource);
        template.setIgnorePartialResultException(true); // AD's referrals
        groupBase = relative(settings.groupBase(), settings.base());
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * The name the directory is asked for: with AD's filter, {@code user@domain} becomes {@code user}
     * (the password check by bind decides whether it is that person).
     */
    public String directoryName(String typed) {
        if (settings.userFilter().toLowerCase(Locale.ROOT).contains("samaccountname") && typed.contains("@")) {
            return typed.substring(0, typed.indexOf('@'));
        }
        return typed;
    }

    /** Whether the service account finds {@code name}. */
    public boolean knows(String name) {
        try {
            userSearch.searchForUser(name);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    /** Binds as the user; their entry, or BadCredentialsException for a wrong password. */
    public DirContextOperations authenticate(String name, String password) {
        return authenticator.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    /** Every group DN containing {@code userDn}, nested groups included. */
    public Set<String> groupsOf(String userDn) {
        ContextMapper<String> dn = context -> ((DirContextOperations) context).getNameInNamespace();
        if (settings.inChain()) {
            return new LinkedHashSet<>(
                    template.search(groupBase, IN_CHAIN_FILTER.formatted(LdapEncoder.filterEncode(userDn)), dn));
        }
        Set<String> groups = new LinkedHashSet<>();
        Deque<String> members = new ArrayDeque<>(List.of(userDn));
        while (!members.isEmpty() && groups.size() < MAX_GROUPS) {
            String member = members.pop();
            for (String group : template.search(groupBase, "(member=" + LdapEncoder.filterEncode(member) + ")", dn)) {
                if (groups.add(group)) {
                    members.push(group);
                }
            }
        }
        return groups;
    }

    /** Opens and closes a connection as the service account: the health check. */
    public void check() {
        org.springframework.ldap.support.LdapUtils.closeContext(contextSource.getReadOnlyContext());
    }

    public String url() {
        return settings.url();
    }

    /** PORTAL_LDAP_GROUP_BASE may be given in full or relative to PORTAL_LDAP_BASE. */
    private static String relative(String groupBase, String base) {
        if (groupBase.isBlank() || base.isBlank()) {
            return groupBase.strip();
        }
        try {
            LdapName group = new LdapName(groupBase);
            LdapName root = new LdapName(base);
            if (group.startsWith(root.getRdns())) {
                return group.getSuffix(root.size()).toString();
            }
        } catch (InvalidNameException e) {
            throw new IllegalStateException("PORTAL_LDAP_GROUP_BASE is no distinguished name: " + groupBase, e);
        }
        return groupBase.strip();
    }

    static List<String> sorted(Set<String> dns) {
        List<String> list = new ArrayList<>(dns);
        list.sort(String.CASE_INSENSITIVE_ORDER);
        return list;
    }
}
