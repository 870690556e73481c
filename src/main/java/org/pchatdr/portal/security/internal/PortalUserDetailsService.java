package org.pchatdr.portal.security.internal;

import java.time.Clock;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.Usernames;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one user store behind the sign-in page and HTTP Basic on the API. */
@Service
class PortalUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final Clock clock;

    PortalUserDetailsService(UserAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(Usernames.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .authorities(account.getRoles().stream().map(Role::authority).toArray(String[]::new))
                .disabled(!account.isEnabled())
                .accountLocked(account.isLockedAt(clock.instant()))
                .build();
    }
}
