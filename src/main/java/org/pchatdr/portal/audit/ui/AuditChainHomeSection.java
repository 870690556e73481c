package org.pchatdr.portal.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.Optional;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.audit.ChainVerification;
import org.pchatdr.portal.audit.LastVerification;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeCardSection;
import org.pchatdr.portal.base.ui.HomeSection;
import org.springframework.core.annotation.Order;

/**
 * The auditor's card of the audit chain: the result of its last verification as the trail holds it
 * (one query), and a button to verify it now, which walks the whole chain only when asked.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.AUDITOR_CARDS + 20)
class AuditChainHomeSection extends HomeCardSection {

    private final AuditService audit;

    AuditChainHomeSection(AuditService audit) {
        super(Role.AUDITOR, "home-audit-chain", "home.chain.title", "audit");
        this.audit = audit;
    }

    @Override
    protected void fill(HomeCard card) {
        Div state = new Div();
        state.setId("home-chain-state");
        Optional<LastVerification> last = audit.lastVerification();
        if (last.isPresent()) {
            LastVerification check = last.get();
            state.setText(card.getTranslation(
                    check.intact() ? "home.chain.intact" : "home.chain.broken",
                    check.actor(),
                    PortalTime.formatToTheMinute(check.at()),
                    AuditDetails.shown(card, check.details(), check.message())));
            if (!check.intact()) {
                card.urgent();
            }
        } else {
            state.setText(card.getTranslation("home.chain.never"));
        }
        Button verify = new Button(card.getTranslation("audit.verify"), click -> {
            ChainVerification result = audit.verifyChain();
            state.setText(card.getTranslation(result.messageKey(), result.messageArgument()));
        });
        verify.setId("home-verify-chain");
        verify.addThemeVariants(ButtonVariant.LUMO_SMALL);
        card.lines(state, verify);
    }
}
