package org.pchatdr.portal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.ApiTokenSummary;
import org.pchatdr.portal.security.internal.ApiTokenRepository;
import org.pchatdr.portal.security.internal.ApiTokens;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 11: the account page of API tokens, as its owner uses it. */
class ApiTokensViewTest extends KaribuTest {

    @Autowired
    Clock clock;

    @Autowired
    ApiTokenRepository tokens;

    @Test
    void aCreatedTokenIsShownOnceThenListedWithoutItsSecretAndCanBeRevoked() {
        signIn("tv-owner", Role.OPERATOR);
        navigate("account/tokens");

        fillIn(_get(TextField.class, spec -> spec.withId("token-name")), "nightly export");
        _click(_get(Button.class, spec -> spec.withId("create-token")));

        String secret =
                _get(TextField.class, spec -> spec.withId("created-token")).getValue();
        assertThat(secret).startsWith(ApiTokens.PREFIX);
        assertThat(tokens.findByTokenHash(ApiTokens.hash(secret))).isPresent();
        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> grid = _get(Grid.class, spec -> spec.withId("tokens"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("nightly export", "Never");
        assertThat(String.join(" ", GridKt._getFormattedRow(grid, 0))).doesNotContain(secret);

        // Shown once: gone when the page is opened again.
        navigate("");
        navigate("account/tokens");
        _assertNone(TextField.class, spec -> spec.withId("created-token"));

        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> reopened = _get(Grid.class, spec -> spec.withId("tokens"));
        _click((Button) GridKt._getCellComponent(reopened, 0, "actions"));

        assertThat(notificationTexts()).containsExactly("The token nightly export is revoked.");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("tokens"))))
                .isZero();
    }

    @Test
    void anExpiryBeyondAYearIsRefusedWithTheReasonInFrench() {
        signIn("tv-french", Role.AUDITOR);
        navigate("account/tokens");
        chooseLanguage(Locale.FRENCH);

        fillIn(_get(TextField.class, spec -> spec.withId("token-name")), "trop long");
        _get(DatePicker.class, spec -> spec.withId("token-expires"))
                .setValue(LocalDate.now(clock).plusDays(400));
        _click(_get(Button.class, spec -> spec.withId("create-token")));

        assertThat(notificationTexts())
                .containsExactly("Un jeton vit au plus 365 jours : choisissez une expiration plus proche.");
        _assertNone(TextField.class, spec -> spec.withId("created-token"));
    }
}
