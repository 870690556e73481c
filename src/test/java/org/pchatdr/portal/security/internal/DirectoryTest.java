package org.pchatdr.portal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.security.DirectorySettings;

class DirectoryTest {

    @Test
    void activeDirectoryAcceptsUserAtDomainAsTheAccountName() {
        Directory directory = new Directory(settings(""));

        assertThat(directory.directoryName("jdoe@contoso.local")).isEqualTo("jdoe");
        assertThat(directory.directoryName("jdoe")).isEqualTo("jdoe");
    }

    @Test
    void anotherFilterKeepsTheNameAsTyped() {
        assertThat(new Directory(settings("(mail={0})")).directoryName("jdoe@contoso.local"))
                .isEqualTo("jdoe@contoso.local");
    }

    @Test
    void noUrlMeansNoDirectory() {
        assertThat(new Directory(new DirectorySettings("", "", "", "", "", "", "", "", false, "", "auto")).enabled())
                .isFalse();
    }

    private static DirectorySettings settings(String filter) {
        return new DirectorySettings(
                "ldaps://dc.contoso.local", "DC=contoso,DC=local", "", "", filter, "", "", "", false, "", "auto");
    }
}
