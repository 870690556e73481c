package org.pchatdr.portal.base;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/**
 * A list of names (pools, directory groups) kept in one text column, a line each: an empty list is
 * the empty text, and an empty text or {@code null} reads as an empty list. Apply it with
 * {@code @Convert(converter = TextLines.class)}.
 */
@Converter
public class TextLines implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> lines) {
        return lines == null ? null : String.join("\n", lines);
    }

    @Override
    public List<String> convertToEntityAttribute(String text) {
        return text == null || text.isEmpty() ? List.of() : List.copyOf(Arrays.asList(text.split("\n")));
    }
}
