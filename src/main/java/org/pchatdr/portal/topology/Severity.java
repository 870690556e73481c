package org.pchatdr.portal.topology;

/** How much a rule violation matters: errors block publishing, warnings need an acknowledgement. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
