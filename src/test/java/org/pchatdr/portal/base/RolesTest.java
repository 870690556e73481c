package org.pchatdr.portal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void annotationConstantsNameExactlyTheRoles() throws IllegalAccessException {
        var constants = new java.util.ArrayList<String>();
        for (Field field : Roles.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(Role.values()).map(Role::name).toList());
    }

    @Test
    void authorityCarriesSpringsRolePrefix() {
        assertThat(Role.AUDITOR.authority()).isEqualTo("ROLE_AUDITOR");
    }
}
