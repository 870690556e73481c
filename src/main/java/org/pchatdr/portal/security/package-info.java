/** Users, roles, passwords, sign-in, lockout and the first-start bootstrap. */
@ApplicationModule(
        displayName = "Security",
        allowedDependencies = {"base", "base :: api", "base :: ui"})
package org.pchatdr.portal.security;

import org.springframework.modulith.ApplicationModule;
