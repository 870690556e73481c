package org.pchatdr.portal.security.internal;

/**
 * A signed-in principal that carries the session generation of its account (decision 015): the
 * password and directory sign-ins' {@link PortalPrincipal} and the OpenID one, {@link PortalOidcUser}.
 */
interface SessionBound {

    String getUsername();

    int sessionGeneration();
}
