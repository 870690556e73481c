package org.pchatdr.portal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.test.context.ActiveProfiles;

class DemoBannerTest {

    @Nested
    @ActiveProfiles("demo")
    class WithTheDemoProfile extends KaribuTest {

        @Test
        void everyPageSaysItIsADemo() {
            navigate("login");
            assertThat(_get(DemoBanner.class).getText()).startsWith("Demo mode");

            signIn("alice", Role.OPERATOR);
            navigate("");
            assertThat(_get(DemoBanner.class).getText()).startsWith("Demo mode");
        }
    }

    @Nested
    class WithoutIt extends KaribuTest {

        @Test
        void noPageMentionsADemo() {
            navigate("login");
            _assertNone(DemoBanner.class);

            signIn("banner-check", Role.ADMIN);
            navigate("admin/users");
            _assertNone(DemoBanner.class);
        }
    }
}
