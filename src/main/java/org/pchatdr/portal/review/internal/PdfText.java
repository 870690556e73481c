package org.pchatdr.portal.review.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A PDF of headings and wrapped paragraphs, on A4 pages, in DejaVu Sans embedded from the class path
 * (subset), so that accents, apostrophes and every name print as typed. Characters the font lacks
 * print as {@code ?} rather than failing the pack.
 */
public final class PdfText implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float SIZE = 9.5f;
    private static final float HEADING = 13;
    private static final float LEADING = 1.35f;

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    public PdfText() {
        regular = font("/fonts/DejaVuSans.ttf");
        bold = font("/fonts/DejaVuSans-Bold.ttf");
    }

    private PDType0Font font(String resource) {
        try (InputStream in = PdfText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: " + resource);
            }
            return PDType0Font.load(document, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PdfText heading(String text) {
        space(HEADING * 0.6f);
        write(text, bold, HEADING);
        return this;
    }

    public PdfText line(String text) {
        write(text, regular, SIZE);
        return this;
    }

    public byte[] bytes() {
        try {
            if (page != null) {
                page.close();
                page = null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, PDType0Font font, float size) {
        for (String paragraph : printable(text == null ? "" : text, font).split("\n", -1)) {
            for (String line : wrap(paragraph, font, size)) {
                space(size * LEADING);
                try {
                    page.beginText();
                    page.setFont(font, size);
                    page.newLineAtOffset(MARGIN, y);
                    page.showText(line);
                    page.endText();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Moves down by {@code height}, on a new page when this one is full. */
    private void space(float height) {
        try {
            if (page == null || y - height < MARGIN) {
                if (page != null) {
                    page.close();
                }
                PDPage next = new PDPage(PDRectangle.A4);
                document.addPage(next);
                page = new PDPageContentStream(document, next);
                y = PDRectangle.A4.getHeight() - MARGIN;
            }
            y -= height;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private java.util.List<String> wrap(String paragraph, PDType0Font font, float size) {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : paragraph.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(candidate, font, size) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
            }
            current.setLength(0);
            // A word longer than the line (a hash, a path) is cut where it no longer fits.
            for (int i = 0; i < word.length(); i++) {
                if (width(current.toString() + word.charAt(i), font, size) > width) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(word.charAt(i));
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static float width(String text, PDType0Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String printable(String text, PDType0Font font) {
        StringBuilder out = new StringBuilder();
        text.replace("\r\n", "\n").replace('\t', ' ').codePoints().forEach(code -> {
            if (code == '\n') {
                out.append('\n');
            } else if (printable.computeIfAbsent(code, c -> encodes(font, c))) {
                out.appendCodePoint(code);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean encodes(PDType0Font font, int code) {
        if (Character.isISOControl(code)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(code)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
