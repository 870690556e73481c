package org.pchatdr.portal.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;

/** The filter of the reviews list puts the user's pick in the address (issue 17: from-client changes). */
class ReviewListFilterTest extends KaribuTest {

    @Test
    void pickingAStateListsTheReviewsInThatStateFromItsOwnAddress() {
        signIn("filter-frank", Role.MANAGER);
        navigate("reviews");

        pickAsUser(filter(), "SIGNED_OFF");

        assertThat(address()).isEqualTo("reviews?state=SIGNED_OFF");
    }

    @Test
    void pickingTheInboxAgainDropsTheStateFromTheAddress() {
        signIn("filter-frank", Role.MANAGER);
        navigate("reviews", QueryParameters.simple(Map.of("state", "SIGNED_OFF")));

        pickAsUser(filter(), "mine");

        assertThat(address()).isEqualTo("reviews");
    }

    @Test
    void aStateSetByTheServerLeavesTheAddressAsItIs() {
        signIn("filter-frank", Role.MANAGER);
        navigate("reviews");

        fillIn(filter(), "SIGNED_OFF");

        assertThat(address()).isEqualTo("reviews");
    }

    @SuppressWarnings("unchecked")
    private static Select<String> filter() {
        return _get(Select.class, spec -> spec.withId("reviews-filter"));
    }

    private static String address() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
