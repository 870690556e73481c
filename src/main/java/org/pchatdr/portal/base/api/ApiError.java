package org.pchatdr.portal.base.api;

/** The body of every REST error: a stable code and a message for people. */
public record ApiError(String error, String message) {}
