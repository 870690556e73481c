package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;

class GroupRoleMappingTest {

    private static final String APPROVERS = "CN=PChat-DR-Approvers,OU=Groups,DC=contoso,DC=local";

    @Test
    void theConfigurationsJsonGivesEachGroupItsRoles() {
        GroupRoleMapping mapping = GroupRoleMapping.parse("{\"" + APPROVERS + "\": [\"APPROVER\", \"auditor\"]}");

        assertThat(mapping.entries()).containsEntry(APPROVERS, Set.of(Role.APPROVER, Role.AUDITOR));
    }

    @Test
    void theDirectorysAnswerMatchesWhateverItsCaseAndSpacing() {
        GroupRoleMapping mapping = GroupRoleMapping.parse("{\"" + APPROVERS + "\": [\"APPROVER\"]}");

        GroupRoleMapping.Resolution resolution = mapping.resolve(List.of(
                "cn=pchat-dr-approvers, ou=groups, dc=contoso, dc=local", "CN=Everyone,OU=Groups,DC=contoso,DC=local"));

        assertThat(resolution.roles()).containsExactly(Role.APPROVER);
        assertThat(resolution.groups()).containsExactly(APPROVERS);
    }

    @Test
    void anIdentityProvidersGroupNamesAndObjectIdsMatchWithoutRegardToCaseAndNeverAsADn() {
        GroupRoleMapping mapping = GroupRoleMapping.parse("{\"PChat-DR-Operators\": [\"OPERATOR\"], "
                + "\"5f1c7a52-0c3e-4c51-9d7e-1b2a3c4d5e6f\": [\"APPROVER\"], \"" + APPROVERS + "\": [\"AUDITOR\"]}");

        GroupRoleMapping.Resolution resolution = mapping.resolve(
                List.of("pchat-dr-operators", "5F1C7A52-0C3E-4C51-9D7E-1B2A3C4D5E6F", "PChat-DR-Approvers"));

        assertThat(resolution.roles())
                .as("a bare name is not the DN whose first RDN it resembles")
                .containsExactlyInAnyOrder(Role.OPERATOR, Role.APPROVER);
        assertThat(resolution.groups())
                .containsExactlyInAnyOrder("PChat-DR-Operators", "5f1c7a52-0c3e-4c51-9d7e-1b2a3c4d5e6f");
    }

    @Test
    void severalGroupsAddTheirRolesUp() {
        GroupRoleMapping mapping =
                GroupRoleMapping.parse("{\"cn=a,dc=x\": [\"OPERATOR\"], \"cn=b,dc=x\": [\"ADMIN\"]}");

        assertThat(mapping.resolve(List.of("cn=a,dc=x", "cn=b,dc=x")).roles())
                .containsExactlyInAnyOrder(Role.OPERATOR, Role.ADMIN);
        assertThat(mapping.resolve(List.of("cn=c,dc=x")).roles()).isEmpty();
    }

    @Test
    void everyRoleOfThePortalCanBeGiven() {
        for (Role role : Role.values()) {
            GroupRoleMapping mapping = GroupRoleMapping.parse("{\"cn=g,dc=x\": [\"" + role.name() + "\"]}");
            assertThat(mapping.resolve(List.of("cn=g,dc=x")).roles()).containsExactly(role);
        }
    }

    @Test
    void savingAGroupWithNoRoleRemovesItAndTheJsonRoundTrips() {
        GroupRoleMapping mapping = GroupRoleMapping.empty()
                .with(APPROVERS, EnumSet.of(Role.APPROVER))
                .with("cn=ops,dc=x", EnumSet.of(Role.OPERATOR));

        GroupRoleMapping without = mapping.with(APPROVERS.toLowerCase(), Set.of());

        assertThat(without.entries()).containsOnlyKeys("cn=ops,dc=x");
        assertThat(GroupRoleMapping.parse(mapping.toJson())).isEqualTo(mapping);
    }

    @Test
    void unknownRolesBadNamesAndBadJsonAreRefusedWithTheirReason() {
        assertThat(code("{\"cn=g,dc=x\": [\"SUPERUSER\"]}")).isEqualTo("directory_mapping_role");
        assertThat(code("{\"cn=ops,not a dn\": [\"ADMIN\"]}")).isEqualTo("directory_mapping_dn");
        assertThat(code("{\"cn=g,dc=x\": []}")).isEqualTo("directory_mapping_no_role");
        assertThat(code("[1, 2]")).isEqualTo("directory_mapping_json");
        assertThat(GroupRoleMapping.parse("").entries()).isEmpty();
    }

    @Test
    void activeDirectorysFilterAsksForNestedGroupsInOneQueryAndOthersWalk() {
        assertThat(settings("", "auto").inChain()).isTrue();
        assertThat(settings("", "auto").userFilter()).isEqualTo("(sAMAccountName={0})");
        assertThat(settings("(uid={0})", "auto").inChain()).isFalse();
        assertThat(settings("(uid={0})", "in-chain").inChain()).isTrue();
    }

    private static DirectorySettings settings(String filter, String nested) {
        return new DirectorySettings("ldaps://dc", "dc=x", "", "", filter, "", "", "", false, "", nested);
    }

    private static String code(String json) {
        assertThatThrownBy(() -> GroupRoleMapping.parse(json)).isInstanceOf(PortalException.class);
        try {
            GroupRoleMapping.parse(json);
            return "none";
        } catch (PortalException e) {
            return e.code();
        }
    }
}
