package org.pchatdr.portal.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.DemoMode;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.AccountAction;
import org.pchatdr.portal.security.AccountEvent;
import org.pchatdr.portal.security.BootstrapSettings;
import org.pchatdr.portal.security.PasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a fresh portal usable: on an empty database it creates {@code admin}, who must change the
 * initial password at the first sign-in; in demo mode it creates the demo users instead.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String DEMO_PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    private static final Map<String, Role> DEMO_USERS = Map.of(
            "alice",
            Role.OPERATOR,
            "bob",
            Role.OPERATOR,
            "carol",
            Role.APPROVER,
            "dave",
            Role.APPROVER,
            "erin",
            Role.AUDITOR,
            "frank",
            Role.MANAGER,
            ADMIN,
            Role.ADMIN);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final BootstrapSettings settings;
    private final DemoMode demoMode;
    private final Clock clock;

    AccountBootstrap(
            UserAccountRepository accounts,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            BootstrapSettings settings,
            DemoMode demoMode,
            Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
        this.demoMode = demoMode;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoMode.isActive()) {
            DEMO_USERS.forEach((name, role) -> create(name, EnumSet.of(role), DEMO_PASSWORD, false));
        } else if (accounts.count() == 0) {
            createInitialAdmin();
        }
    }

    private void createInitialAdmin() {
        String configured = settings.adminPassword();
        if (configured != null && !configured.isBlank()) {
            PasswordPolicy.problem(ADMIN, configured).ifPresent(problem -> {
                throw new IllegalStateException("PORTAL_ADMIN_PASSWORD does not meet the password policy (at least "
                        + PasswordPolicy.MIN_LENGTH + " characters, at most " + PasswordPolicy.MAX_BYTES
                        + " bytes, not containing 'admin', not a common password, not a repetition or run of"
                        + " characters): " + problem.code());
            });
            if (create(ADMIN, EnumSet.of(Role.ADMIN), configured, true)) {
                log.info("Created the administrator 'admin' with the password from PORTAL_ADMIN_PASSWORD; "
                        + "it must be changed at the first sign-in.");
            }
            return;
        }
        String generated = generatePassword();
        if (create(ADMIN, EnumSet.of(Role.ADMIN), generated, true)) {
            Path file = settings.initialPasswordFile().toAbsolutePath();
            log.warn(
                    "Created the administrator 'admin' with the initial password {} (also in {}). "
                            + "Sign in and change it; the file is deleted then.",
                    generated,
                    file);
            writeOwnerOnly(file, generated);
        }
    }

    /** False when the account exists already, perhaps created by another portal instance. */
    private boolean create(String username, Set<Role> roles, String password, boolean mustChange) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (accounts.existsByUsername(username)) {
                    return false;
                }
                accounts.saveAndFlush(new UserAccount(
                        username, passwordEncoder.encode(password), roles, mustChange, clock.instant()));
                events.publishEvent(new AccountEvent(
                        AccountAction.USER_CREATED,
                        CurrentUser.SYSTEM,
                        username,
                        null,
                        AuditMessage.of("audit.details.USER_CREATED", roles.toString())));
                return true;
            }));
        } catch (DataIntegrityViolationException e) {
            return false;
        }
    }

    /** The initial password is no longer needed once the administrator has chosen their own. */
    @EventListener
    void onPasswordChanged(AccountEvent event) {
        if (event.what() == AccountAction.PASSWORD_CHANGED && ADMIN.equals(event.target())) {
            try {
                Files.deleteIfExists(settings.initialPasswordFile());
            } catch (IOException e) {
                log.warn("Could not delete {}", settings.initialPasswordFile(), e);
            }
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                var handle = file.toFile();
                handle.setReadable(false, false);
                handle.setReadable(true, true);
                handle.setWritable(false, false);
                handle.setWritable(true, true);
            }
            Files.writeString(file, content + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The password is in the log already; a read-only data folder must not stop the portal.
            log.error("Cannot write the initial administrator password to {}", file, e);
        }
    }
}
