/**
 * UI pieces every feature's views share: the main layout, the language switch, the demo banner, and
 * the extension points through which features add to the layout and the home page ({@link
 * org.pchatdr.portal.base.ui.NavigationBadge}, {@link org.pchatdr.portal.base.ui.HomeSection}).
 */
@NamedInterface("ui")
package org.pchatdr.portal.base.ui;

import org.springframework.modulith.NamedInterface;
