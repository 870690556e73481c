package org.pchatdr.portal.security.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.TextLines;
import org.pchatdr.portal.security.AccountSource;

/** A person who signs in to the portal. Usernames are stored lower-case. */
@Entity
@Table(name = "app_user")
public class UserAccount extends GeneratedKey {

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    /** Incremented by every change that must end the account's open sessions (decision 015). */
    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    @Version
    private long version;

    /** Decision 018: a directory account's password is never stored, its roles come from its groups. */
    @Column(nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private AccountSource source = AccountSource.LOCAL;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /** The directory groups that gave the current roles, one DN per line. */
    @Column(name = "directory_groups")
    @Convert(converter = TextLines.class)
    private List<String> directoryGroups;

    protected UserAccount() {}

    /**
     * A directory account, made the first time the directory knows the name: from then on its
     * attempts are counted and it can be locked like a local one. No password is stored (the empty
     * hash matches none) and it has no role until a sign-in maps its groups.
     */
    public static UserAccount fromDirectory(String username, Instant createdAt) {
        UserAccount account = new UserAccount(username, "", Set.of(), false, createdAt);
        account.source = AccountSource.DIRECTORY;
        return account;
    }

    /** Decision 021: an OpenID Connect account, made at its first sign-in, with no password either. */
    public static UserAccount fromOidc(String username, Instant createdAt) {
        UserAccount account = new UserAccount(username, "", Set.of(), false, createdAt);
        account.source = AccountSource.OIDC;
        return account;
    }

    public UserAccount(
            String username, String passwordHash, Set<Role> roles, boolean mustChangePassword, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.mustChangePassword = mustChangePassword;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Active: may sign in as far as an administrator is concerned (a lock passes by itself). */
    public boolean isActiveAdmin() {
        return enabled && roles.contains(Role.ADMIN);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public long getVersion() {
        return version;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
    }

    /** A new password ends every session signed in with the old one (decision 015). */
    public void changePassword(String newHash, boolean mustChangeAtNextSignIn) {
        this.passwordHash = newHash;
        this.mustChangePassword = mustChangeAtNextSignIn;
        endSessions();
    }

    /** Open sessions carry the old roles: a change ends them, so that the next sign-in has the new ones. */
    public void setRoles(Set<Role> newRoles) {
        if (!roles.equals(newRoles)) {
            endSessions();
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    public void setEnabled(boolean enabled) {
        if (this.enabled && !enabled) {
            endSessions();
        }
        this.enabled = enabled;
    }

    private void endSessions() {
        sessionGeneration++;
    }

    public AccountSource getSource() {
        return source;
    }

    public boolean isFromDirectory() {
        return source == AccountSource.DIRECTORY;
    }

    /**
     * Whether the company (LDAP directory or OpenID provider) checks the password and gives the
     * roles: no password is stored here and an administrator sets neither (decisions 018, 021).
     */
    public boolean isExternal() {
        return source != AccountSource.LOCAL;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public List<String> getDirectoryGroups() {
        return directoryGroups == null ? List.of() : directoryGroups;
    }

    public void signedInAt(Instant at) {
        this.lastSignInAt = at;
    }

    /**
     * The roles the directory groups give at this sign-in (issue 15: re-evaluated every time); a
     * change ends the account's other sessions like any role change.
     */
    public void applyDirectoryRoles(Set<Role> newRoles, List<String> groups) {
        setRoles(newRoles);
        this.directoryGroups = List.copyOf(groups);
    }

    public void lockUntil(Instant until) {
        this.lockedUntil = until;
    }

    public void unlock() {
        this.lockedUntil = null;
    }
}
