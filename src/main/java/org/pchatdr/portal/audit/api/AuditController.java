package org.pchatdr.portal.audit.api;

import java.util.Locale;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.audit.ChainVerification;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain check for automation (a crash test, a nightly job). A POST, because every check is
 * itself appended to the trail; administrators and auditors only, as on the audit page.
 */
@RestController
class AuditController {

    private final AuditService audit;
    private final MessageSource messages;

    AuditController(AuditService audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    /** {@code firstBadSeq} and {@code problem} are null when the chain is intact. */
    record VerificationJson(
            boolean intact, long recordsChecked, Long firstBadSeq, ChainVerification.Problem problem, String message) {}

    @PostMapping("/api/v1/audit/verification")
    VerificationJson verify(Locale locale) {
        ChainVerification result = audit.verifyChain();
        return new VerificationJson(
                result.isIntact(),
                result.recordsChecked(),
                result.firstBadSeq(),
                result.problem(),
                messages.getMessage(result.messageKey(), new Object[] {result.messageArgument()}, locale));
    }
}
