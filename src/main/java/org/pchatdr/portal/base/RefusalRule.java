package org.pchatdr.portal.base;

import org.pchatdr.portal.base.PortalException.Kind;

/**
 * A rule an action can be refused under, as a feature's rule enum names it ({@code RunRule},
 * {@code ChangeRule}): the stable code of its translated message ({@code error.<code>}) and the
 * kind of refusal, which the REST API maps to a status. The one way a named rule becomes the
 * refusal the UI and the API translate.
 */
public interface RefusalRule {

    String code();

    Kind kind();

    /** The refusal under this rule, quoting {@code arguments} (the facts its message names). */
    default PortalException exception(Object... arguments) {
        return new PortalException(kind(), code(), arguments);
    }
}
