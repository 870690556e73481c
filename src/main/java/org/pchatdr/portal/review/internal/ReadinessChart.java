package org.pchatdr.portal.review.internal;

import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.review.PoolReadiness;

/**
 * The readiness chart, drawn on the server as SVG (issue 14): for each of a pool's last drills, the
 * RTO achieved and the data-loss window as bars in percent of their targets, with the target as a
 * line at 100 %. Bars over the target are drawn in the warning colour. No script, no external file.
 */
public final class ReadinessChart {

    static final int WIDTH = 360;
    static final int HEIGHT = 140;
    private static final int TOP = 10;
    private static final int BOTTOM = 20;
    private static final int LEFT = 34;
    /** The scale ends at twice the target, so that a bar over it still shows by how much. */
    private static final double MAX_PERCENT = 200;

    private ReadinessChart() {}

    /** The chart of {@code pool}; {@code title} is its accessible name, {@code rto}/{@code rpo} the legends. */
    public static String svg(PoolReadiness pool, String title, String rto, String rpo) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\"><title>")
                .append(escape(title))
                .append("</title>");
        double plot = HEIGHT - TOP - BOTTOM;
        double targetY = y(100, plot);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#444\" stroke-dasharray=\"4 3\"/>",
                LEFT,
                targetY,
                WIDTH - 4,
                targetY));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%.1f\" font-size=\"10\">100 %%</text>", targetY + 3));
        List<PoolReadiness.Drill> drills = pool.drills();
        double slot = (WIDTH - LEFT - 4) / (double) Math.max(drills.size(), 1);
        for (int i = 0; i < drills.size(); i++) {
            PoolReadiness.Drill drill = drills.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double bar = slot * 0.3;
            bar(svg, x, bar, percent(drill.rtoSeconds(), pool.rtoTargetMinutes()), plot, "#1f6fb2", "#c0392b", rto);
            bar(
                    svg,
                    x + bar,
                    bar,
                    percent(drill.rpoSeconds(), pool.rpoTargetMinutes()),
                    plot,
                    "#e69f00",
                    "#c0392b",
                    rpo);
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\">#%d</text>", x, HEIGHT - 6, drill.runId()));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"2\" width=\"8\" height=\"8\" fill=\"#1f6fb2\"/><text x=\"%d\" y=\"10\" font-size=\"9\">%s</text>",
                LEFT,
                LEFT + 11,
                escape(rto)));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"2\" width=\"8\" height=\"8\" fill=\"#e69f00\"/><text x=\"%d\" y=\"10\" font-size=\"9\">%s</text>",
                LEFT + 120,
                LEFT + 131,
                escape(rpo)));
        return svg.append("</svg>").toString();
    }

    private static void bar(
            StringBuilder svg,
            double x,
            double width,
            Double percent,
            double plot,
            String fill,
            String over,
            String label) {
        if (percent == null) {
            return;
        }
        double shown = Math.min(percent, MAX_PERCENT);
        double top = y(shown, plot);
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %.0f %%</title></rect>",
                x,
                top,
                width,
                TOP + plot - top,
                percent > 100 ? over : fill,
                escape(label),
                percent));
    }

    private static double y(double percent, double plot) {
        return TOP + plot - plot * percent / MAX_PERCENT;
    }

    private static Double percent(Long seconds, Integer targetMinutes) {
        if (seconds == null || targetMinutes == null || targetMinutes == 0) {
            return null;
        }
        return seconds * 100.0 / (targetMinutes * 60.0);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
