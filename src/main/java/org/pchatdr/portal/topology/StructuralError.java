package org.pchatdr.portal.topology;

import java.util.List;

/**
 * Why a document cannot be read as a topology at all (bad JSON, wrong type, missing field, unknown
 * format, dangling reference, malformed value). {@code path} uses the format's notation, {@code $}
 * for the whole document.
 */
public record StructuralError(String path, String messageKey, List<String> arguments) {

    public StructuralError {
        arguments = List.copyOf(arguments);
    }
}
