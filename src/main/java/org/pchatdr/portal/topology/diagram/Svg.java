package org.pchatdr.portal.topology.diagram;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.pchatdr.portal.topology.HostileText;

/**
 * A minimal SVG writer. Element and attribute names come from the renderer's code; every value and
 * every text goes through {@link #escape}, so nothing read from a topology can close an element or
 * open a new one.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(16_384);
    private final Deque<String> open = new ArrayDeque<>();

    /** Starts an element that will get children; {@code attributes} are name, value pairs. */
    Svg open(String name, Object... attributes) {
        start(name, attributes);
        out.append('>');
        open.push(name);
        return this;
    }

    Svg close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element without children. A {@code null} attribute value leaves the attribute out. */
    Svg empty(String name, Object... attributes) {
        start(name, attributes);
        out.append("/>");
        return this;
    }

    /**
     * A rectangle painted in {@code style}; {@code attributes} (name, value pairs such as a class)
     * come before the geometry.
     */
    Svg rect(double x, double y, double width, double height, double rx, Style style, Object... attributes) {
        return shape(
                "rect", attributes, new Object[] {"x", x, "y", y, "width", width, "height", height, "rx", rx}, style);
    }

    /** A line painted in {@code style}, with an arrow head when {@code markerEnd} is not null. */
    Svg line(double x1, double y1, double x2, double y2, Style style, String markerEnd, Object... attributes) {
        return shape("line", attributes, new Object[] {"x1", x1, "y1", y1, "x2", x2, "y2", y2}, style, markerEnd);
    }

    Svg path(String d, Style style, String markerEnd) {
        return shape("path", new Object[0], new Object[] {"d", d}, style, markerEnd);
    }

    Svg ellipse(double cx, double cy, double rx, double ry, Style style) {
        return shape("ellipse", new Object[0], new Object[] {"cx", cx, "cy", cy, "rx", rx, "ry", ry}, style);
    }

    private Svg shape(String name, Object[] attributes, Object[] geometry, Style style) {
        return shape(name, attributes, geometry, style, null);
    }

    private Svg shape(String name, Object[] attributes, Object[] geometry, Style style, String markerEnd) {
        Object[] looks = style.attributes();
        Object[] all = new Object[attributes.length + geometry.length + looks.length + 2];
        System.arraycopy(attributes, 0, all, 0, attributes.length);
        System.arraycopy(geometry, 0, all, attributes.length, geometry.length);
        System.arraycopy(looks, 0, all, attributes.length + geometry.length, looks.length);
        all[all.length - 2] = "marker-end";
        all[all.length - 1] = markerEnd;
        return empty(name, all);
    }

    /** An element whose only child is {@code text}. */
    Svg text(String name, String text, Object... attributes) {
        start(name, attributes);
        out.append('>').append(escape(text)).append("</").append(name).append('>');
        return this;
    }

    /** Appends a complete fragment written by another builder. */
    Svg append(Svg fragment) {
        out.append(fragment.finish());
        return this;
    }

    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void start(String name, Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value != null) {
                out.append(' ')
                        .append((String) attributes[i])
                        .append("=\"")
                        .append(escape(value(value)))
                        .append('"');
            }
        }
    }

    private static String value(Object value) {
        return switch (value) {
            case Double number -> number(number);
            case Float number -> number(number);
            default -> String.valueOf(value);
        };
    }

    /** A plain number with at most one decimal and a dot, whatever the default locale. */
    static String number(double value) {
        return BigDecimal.valueOf(value)
                .setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Escapes the five XML specials and replaces characters XML 1.0 cannot carry at all (control
     * characters, unpaired surrogates, U+FFFE/U+FFFF) by U+FFFD, so the document stays well-formed.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        XML.append(escaped, text);
        return escaped.toString();
    }

    private static final HostileText.Escapes XML = new HostileText.Escapes(
            "&<>\"'",
            List.of("&amp;", "&lt;", "&gt;", "&quot;", "&apos;"),
            (out, c) -> out.append(allowed(c) ? c : '\uFFFD'));

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE);
    }
}
