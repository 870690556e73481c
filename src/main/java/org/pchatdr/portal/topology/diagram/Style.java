package org.pchatdr.portal.topology.diagram;

/**
 * How one kind of box or line is painted: fill, stroke, stroke width and dash. The drawing and its
 * legend take their shapes' looks from the same constants, so the legend cannot drift from what it
 * explains. A {@code null} part is left out of the SVG.
 */
record Style(String fill, String stroke, Double width, String dash) {

    static final String INK = "#212121";
    static final String MUTED = "#455a64";
    static final String MIRRORING_COLOUR = "#1565c0";
    static final String WITNESS_COLOUR = "#6a1b9a";
    static final String LOG_SHIPPING_COLOUR = "#00796b";
    static final String ERROR_COLOUR = "#c62828";
    static final String WARNING_COLOUR = "#ef8f00";
    private static final String COPY_STROKE = "#37474f";

    static final Style SITE = new Style("#f6f8fa", "#78909c", 1.5, null);
    static final Style ACTIVE_SERVER = new Style("#dcf1dc", "#2e7d32", 1.5, null);
    static final Style IDLE_SERVER = new Style("#eeeeee", "#757575", 1.2, "5 3");
    /** A copy in the primary pair's colour (data center 1). */
    static final Style PRIMARY_COPY = new Style("#dbe8f7", COPY_STROKE, 1.2, null);
    /** The backup and its mirror (data center 2). */
    static final Style BACKUP_COPY = new Style("#fbeccd", COPY_STROKE, 1.2, null);

    static final Style WITNESS = new Style("#efe4f6", WITNESS_COLOUR, 1.2, null);
    static final Style NOTE = new Style("#fffde7", "#9e9d24", 1.2, null);
    static final Style MIRRORING = new Style(null, MIRRORING_COLOUR, 2.0, null);
    static final Style WITNESS_LINK = new Style(null, WITNESS_COLOUR, 1.5, "6 4");
    static final Style LOG_SHIPPING = new Style(null, LOG_SHIPPING_COLOUR, 3.0, null);
    /** The outline around whatever an error concerns; a warning's is dashed. */
    static final Style ERROR = new Style("none", ERROR_COLOUR, 2.5, null);

    static final Style WARNING = new Style("none", WARNING_COLOUR, 2.5, "7 4");

    Style withFill(String colour) {
        return new Style(colour, stroke, width, dash);
    }

    Style withStroke(String colour) {
        return new Style(fill, colour, width, dash);
    }

    /** {@code fill}, {@code stroke}, {@code stroke-width}, {@code stroke-dasharray}, in that order. */
    Object[] attributes() {
        return new Object[] {"fill", fill, "stroke", stroke, "stroke-width", width, "stroke-dasharray", dash};
    }
}
