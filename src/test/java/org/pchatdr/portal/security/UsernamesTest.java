package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.base.PortalException;

class UsernamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Alice", "  alice  ", "ALICE"})
    void usernamesAreCaseInsensitiveAndTrimmed(String typed) {
        assertThat(Usernames.valid(typed)).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jean.dupont", "j_d", "ops-1", "dba@contoso.com"})
    void acceptsUsualAccountNames(String name) {
        assertThat(Usernames.valid(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", ".alice", "ali ce", "alice'; drop table app_user;--", "émilie", "a\nb"})
    void refusesNamesOutsideTheAllowedCharacters(String name) {
        assertThatThrownBy(() -> Usernames.valid(name))
                .isInstanceOf(PortalException.class)
                .extracting("code")
                .isEqualTo("username_invalid");
    }

    @org.junit.jupiter.api.Test
    void refusesSixtyFiveCharacters() {
        assertThatThrownBy(() -> Usernames.valid("a".repeat(65))).isInstanceOf(PortalException.class);
        assertThat(Usernames.valid("a".repeat(64))).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", " SYSTEM "})
    void refusesTheNameThePortalItselfActsUnder(String name) {
        assertThatThrownBy(() -> Usernames.valid(name))
                .isInstanceOf(PortalException.class)
                .extracting("code")
                .isEqualTo("username_reserved");
    }
}
