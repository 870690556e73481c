package org.pchatdr.portal.security;

import java.time.Clock;
import java.util.Set;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.DirectoryMappingEntity;
import org.pchatdr.portal.security.internal.DirectoryMappingStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory groups → roles mapping (issue 15), kept by ADMIN on the Settings page and over
 * REST. Once saved it overrides PORTAL_LDAP_GROUP_ROLES; every change is audited with before → after
 * and takes effect at each user's next sign-in.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class DirectoryMappingService {

    private final DirectoryMappingStore store;
    private final DirectorySettings settings;
    private final OidcSettings oidc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryMappingService(
            DirectoryMappingStore store,
            DirectorySettings settings,
            OidcSettings oidc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.oidc = oidc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public GroupRoleMapping mapping() {
        return store.effective(settings);
    }

    /** Whether sign-in with the directory or an OpenID provider (decision 021) is configured at all. */
    @Transactional(readOnly = true)
    public boolean directoryEnabled() {
        return settings.enabled() || oidc.enabled();
    }

    /** Sets the roles of one group; no roles removes the group from the mapping. */
    public GroupRoleMapping changeGroup(GroupRoleMapping seen, String groupDn, Set<Role> roles) {
        return replace(seen, current -> current.with(groupDn, roles));
    }

    /** Replaces the whole mapping; {@code seen} is the one the administrator started from. */
    public GroupRoleMapping replace(GroupRoleMapping seen, GroupRoleMapping next) {
        return replace(seen, current -> next);
    }

    private GroupRoleMapping replace(GroupRoleMapping seen, java.util.function.UnaryOperator<GroupRoleMapping> change) {
        var stored = store.lockStored();
        GroupRoleMapping current = stored.map(entity -> GroupRoleMapping.parse(entity.mapping()))
                .orElseGet(() -> GroupRoleMapping.parse(settings.groupRoles()));
        if (seen != null && !current.equals(seen)) {
            throw new PortalException(Kind.CONFLICT, "stale");
        }
        GroupRoleMapping next = change.apply(current);
        String actor = CurrentUser.actor();
        stored.ifPresentOrElse(
                entity -> entity.set(next.toJson(), actor, clock.instant()),
                () -> store.save(new DirectoryMappingEntity(next.toJson(), actor, clock.instant())));
        events.publishEvent(new SettingsChanged(actor, "directory group roles", current.toJson(), next.toJson()));
        return next;
    }
}
