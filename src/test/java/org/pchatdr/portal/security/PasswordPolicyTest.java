package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.PortalException;

class PasswordPolicyTest {

    @Test
    void acceptsTwelveCharactersWithoutTheUsername() {
        assertThat(PasswordPolicy.problem("alice", "correct-horse")).isEmpty();
        assertThat(PasswordPolicy.problem("alice", "abcdefghijkl")).isEmpty();
    }

    @Test
    void refusesElevenCharacters() {
        assertThat(PasswordPolicy.problem("alice", "abcdefghijk"))
                .hasValueSatisfying(problem -> assertThat(problem.code()).isEqualTo("password_too_short"));
    }

    @Test
    void countsLettersNotBytesForTheMinimum() {
        assertThat(PasswordPolicy.problem("alice", "éèàùçôîâêëïü")).isEmpty();
    }

    @Test
    void refusesThePasswordContainingTheUsernameInAnyCase() {
        assertThat(PasswordPolicy.problem("alice", "my-ALICE-password"))
                .hasValueSatisfying(problem -> assertThat(problem.code()).isEqualTo("password_contains_username"));
    }

    @Test
    void refusesMoreThanBcryptCanHash() {
        assertThat(PasswordPolicy.problem("alice", "x".repeat(73)))
                .hasValueSatisfying(problem -> assertThat(problem.code()).isEqualTo("password_too_long"));
        assertThat(PasswordPolicy.problem("alice", "x".repeat(72))).isEmpty();
    }

    @Test
    void checkThrowsTheProblem() {
        assertThatThrownBy(() -> PasswordPolicy.check("bob", null))
                .isInstanceOf(PortalException.class)
                .extracting("code")
                .isEqualTo("password_too_short");
    }
}
