package org.pchatdr.portal.base.api;

import org.springframework.data.domain.PageRequest;

/**
 * The page a REST list endpoint reads: {@code page} counted from 0, {@code size} between 1 and the
 * endpoint's {@code max}. A value out of range is brought back in, never refused, so that a client
 * asking for page -1 or a million rows still gets an answer of bounded cost.
 */
public final class ApiPages {

    private ApiPages() {}

    public static PageRequest of(int page, int size, int max) {
        return PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, max));
    }
}
