package org.pchatdr.portal.review;

/** Where the review of an ended run stands. A returned run waits for review again. */
public enum ReviewState {
    WAITING,
    RETURNED,
    SIGNED_OFF
}
