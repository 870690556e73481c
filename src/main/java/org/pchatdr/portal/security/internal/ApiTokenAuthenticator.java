package org.pchatdr.portal.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.pchatdr.portal.base.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a presented token into an authentication, reading the account at every use: a disabled
 * account's tokens stop at once and role changes apply to the next call. A lock (after wrong
 * passwords) does not stop them: it answers password guessing, and tokens cannot be guessed.
 */
@Component
record ApiTokenAuthenticator(
        ApiTokenRepository tokens, UserAccountRepository accounts, TransactionTemplate transaction, Clock clock) {

    /** How stale "last used" may be; see {@link ApiTokenRepository#markUsed}. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    Optional<ApiTokenAuthentication> authenticate(String presented) {
        if (presented == null || !presented.startsWith(ApiTokens.PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant notBefore = now.minus(LAST_USED_PRECISION);
        Optional<Found> found = transaction.execute(status -> tokens.findByTokenHash(ApiTokens.hash(presented))
                .filter(token -> token.isValidAt(now))
                .flatMap(token -> accounts.findById(token.getUserId())
                        .filter(UserAccount::isEnabled)
                        .map(account -> new Found(
                                new ApiTokenAuthentication(
                                        account.getUsername(),
                                        token.getId(),
                                        account.isMustChangePassword(),
                                        account.getRoles().stream()
                                                .map(Role::authority)
                                                .map(SimpleGrantedAuthority::new)
                                                .toList()),
                                token.isUnusedSince(notBefore)))));
        found.filter(Found::lastUseStale)
                .ifPresent(stale -> transaction.executeWithoutResult(
                        status -> tokens.markUsed(stale.authentication().tokenId(), now, notBefore)));
        return found.map(Found::authentication);
    }

    private record Found(ApiTokenAuthentication authentication, boolean lastUseStale) {}
}
