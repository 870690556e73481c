package org.pchatdr.portal.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.testsupport.Translations;

class ChangeRuleTest {

    @Test
    void everyRuleHasAMessageInBothLanguages() {
        Properties english = Translations.bundle("i18n/change.properties");
        Properties french = Translations.bundle("i18n/change_fr.properties");
        for (ChangeRule rule : ChangeRule.values()) {
            assertThat(english).containsKey("error." + rule.code());
            assertThat(french).containsKey("error." + rule.code());
        }
    }

    @Test
    void aRuleIsRefusedUnderItsOwnMessage() {
        PortalException refusal = ChangeRule.FOUR_EYES.exception(12L, "carol");
        assertThat(refusal.code()).isEqualTo("change_four_eyes");
        assertThat(refusal.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(ChangeRule.OUTSIDE_WINDOW.exception().kind()).isEqualTo(Kind.CONFLICT);
    }
}
