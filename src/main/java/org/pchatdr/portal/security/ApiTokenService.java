package org.pchatdr.portal.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.security.internal.ApiToken;
import org.pchatdr.portal.security.internal.ApiTokenAuthentication;
import org.pchatdr.portal.security.internal.ApiTokenRepository;
import org.pchatdr.portal.security.internal.ApiTokens;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every signed-in user's own API tokens (issue 11): created with a name and an expiry, listed,
 * revoked. Creation and revocation are audited ({@code TOKEN_CREATED}, {@code TOKEN_REVOKED}); uses
 * are not, one record per API call would drown the trail, but each token shows when it was last
 * used (to the minute). A token cannot create tokens: a leaked one must not outlive its expiry by
 * minting a successor.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ApiTokenService {

    static final int MAX_NAME = 100;

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final ApiTokenSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokenService(
            ApiTokenRepository tokens,
            UserAccountRepository accounts,
            ApiTokenSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    public CreatedApiToken create(String name, Instant expiresAt) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw new PortalException(Kind.FORBIDDEN, "token_cannot_create_tokens");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()
                || cleanName.length() > MAX_NAME
                || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new PortalException(Kind.INVALID, "token_name_invalid", MAX_NAME);
        }
        Instant now = clock.instant();
        if (expiresAt == null) {
            throw new PortalException(Kind.INVALID, "token_expiry_required");
        }
        if (!expiresAt.isAfter(now)) {
            throw new PortalException(Kind.INVALID, "token_expiry_past");
        }
        if (expiresAt.isAfter(now.plus(settings.maxLifetime()))) {
            throw new PortalException(
                    Kind.INVALID, "token_expiry_too_far", settings.maxLifetime().toDays());
        }
        UserAccount account = signedInAccount();
        if (tokens.countByUserIdAndRevokedAtIsNullAndExpiresAtAfter(account.getId(), now) >= settings.maxPerAccount()) {
            throw new PortalException(Kind.CONFLICT, "token_limit", settings.maxPerAccount());
        }
        String secret = ApiTokens.generate();
        ApiToken token =
                tokens.saveAndFlush(new ApiToken(account.getId(), cleanName, ApiTokens.hash(secret), now, expiresAt));
        publish(
                AccountAction.TOKEN_CREATED,
                account.getUsername(),
                token,
                AuditMessage.of("audit.details.TOKEN_CREATED.expires", expiresAt.toString()));
        return new CreatedApiToken(token.summary(), secret);
    }

    /** The caller's tokens not revoked, newest first; expired ones stay listed until revoked. */
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> list() {
        return tokens
                .findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(
                        signedInAccount().getId())
                .stream()
                .map(ApiToken::summary)
                .toList();
    }

    /** Revokes one of the caller's tokens; someone else's is "not found", so ids reveal nothing. */
    public void revoke(long id) {
        UserAccount account = signedInAccount();
        ApiToken token = tokens.findById(id)
                .filter(found -> found.getUserId().equals(account.getId()) && found.getRevokedAt() == null)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "token_not_found"));
        token.revoke(clock.instant());
        tokens.saveAndFlush(token);
        publish(AccountAction.TOKEN_REVOKED, account.getUsername(), token, null);
    }

    private UserAccount signedInAccount() {
        return CurrentUser.username()
                .flatMap(accounts::findByUsername)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "user_not_found"));
    }

    /** "token 5 'name'", then {@code more}: in the reader's language, the English stored (issue 12). */
    private void publish(AccountAction action, String owner, ApiToken token, AuditMessage more) {
        // The quotes go with the name: the bundles write no ASCII apostrophe (TranslationBundlesTest).
        String name = "'" + token.getName() + "'";
        AuditMessage details = more == null
                ? AuditMessage.of("audit.details.token", token.getId(), name)
                : AuditMessage.of("audit.details.token.more", token.getId(), name, more);
        events.publishEvent(new AccountEvent(action, CurrentUser.actor(), owner, null, details));
    }
}
