package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.base.PortalException;

class PasswordPolicyTest {

    @Test
    void acceptsTwelveCharactersWithoutTheUsername() {
        assertThat(PasswordPolicy.problem("alice", "correct-horse")).isEmpty();
        assertThat(PasswordPolicy.problem("alice", "blue-kettle7")).isEmpty();
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
        String seventyTwo = "Tr0ub4dor&3-horse-battery-staple-correct-kettle-pigeon-lamp-orbit-7q!Zx8";
        assertThat(seventyTwo).hasSize(72);
        assertThat(PasswordPolicy.problem("alice", seventyTwo + "y"))
                .hasValueSatisfying(problem -> assertThat(problem.code()).isEqualTo("password_too_long"));
        assertThat(PasswordPolicy.problem("alice", seventyTwo)).isEmpty();
    }

    /** Issue 11: twelve characters and more, yet among the 100,000 most common in breaches. */
    @ParameterizedTest
    @ValueSource(strings = {"qwerty123456", "1qaz2wsx3edc", "QAZWSXEDCRFV", "leavemealone", "finalfantasy"})
    void refusesTheMostCommonPasswordsInAnyCase(String common) {
        assertThat(PasswordPolicy.problem("alice", common))
                .hasValueSatisfying(problem -> assertThat(problem.code()).isEqualTo("password_common"));
    }

    /** Issue 11: repeats and runs, whatever their length. */
    @ParameterizedTest
    @ValueSource(
            strings = {"aaaaaaaaaaaa", "abcabcabcabc", "xyzxyzxyzxyzx", "Secret-Secret-", "abcdefghijkl", "987654321098"
            })
    void refusesRepeatsAndRunsOfCharacters(String trivial) {
        assertThat(PasswordPolicy.problem("alice", trivial))
                .hasValueSatisfying(problem -> assertThat(problem.code()).isEqualTo("password_trivial"));
    }

    @Test
    void acceptsAPasswordThatOnlyContainsARepeat() {
        assertThat(PasswordPolicy.problem("alice", "aaaa-river-stone")).isEmpty();
        assertThat(PasswordPolicy.problem("alice", "123456-blue-fox")).isEmpty();
    }

    @Test
    void checkThrowsTheProblem() {
        assertThatThrownBy(() -> PasswordPolicy.check("bob", null))
                .isInstanceOf(PortalException.class)
                .extracting("code")
                .isEqualTo("password_too_short");
    }
}
