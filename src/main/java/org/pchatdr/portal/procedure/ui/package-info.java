/**
 * The procedure pages, and the pieces other features' pages show procedures with: one step
 * ({@link org.pchatdr.portal.procedure.ui.ProcedureStepCard}) and procedure names
 * ({@link org.pchatdr.portal.procedure.ui.ProcedureLabels}).
 */
@NamedInterface("ui")
package org.pchatdr.portal.procedure.ui;

import org.springframework.modulith.NamedInterface;
