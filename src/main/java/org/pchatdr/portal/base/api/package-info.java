/** The JSON error shape every REST endpoint answers with, and the handlers that produce it. */
@NamedInterface("api")
package org.pchatdr.portal.base.api;

import org.springframework.modulith.NamedInterface;
