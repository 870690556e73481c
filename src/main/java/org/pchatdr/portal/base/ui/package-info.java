/** UI pieces every feature's views share: the main layout, the language switch, the demo banner. */
@NamedInterface("ui")
package org.pchatdr.portal.base.ui;

import org.springframework.modulith.NamedInterface;
