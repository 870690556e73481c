package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/** Styles come as plain CSS from {@code frontend/styles}: no frontend build runs (see stack.md). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/portal.css")
public class AppShell implements AppShellConfigurator {}
