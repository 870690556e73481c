package org.pchatdr.portal.run.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pchatdr.portal.run.RunView;

/**
 * The last log backup restored, read from what operators pasted as the output of earlier steps: F-1
 * selects {@code last_restored_file} from {@code msdb.dbo.log_shipping_monitor_secondary} (L-7)
 * before removing log shipping, so the data-loss figures need not be typed twice. SSMS pastes it as
 * text results (a header, a line of dashes giving each column's width, the values), as grid results
 * (tab-separated), or PowerShell as {@code last_restored_file : …}; anything else finds nothing and
 * the operator types the name.
 */
final class RestoredLog {

    static final String COLUMN = "last_restored_file";
    private static final Pattern LIST_ITEM = Pattern.compile("(?im)^\\s*" + COLUMN + "\\s*[:=]\\s*(\\S.*?)\\s*$");
    private static final Pattern DASHES = Pattern.compile("-+");
    // Log shipping names each log backup <database>_<yyyyMMddHHmmss>.trn, the time in UTC.
    private static final Pattern STAMP = Pattern.compile("_(\\d{14})\\.trn$", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter STAMP_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private RestoredLog() {}

    /** The file named in the latest output pasted at a step before {@code gateStep}. */
    static Optional<String> before(List<RunView.Step> steps, int gateStep) {
        List<RunView.Step> earlier = new ArrayList<>(steps.stream()
                .filter(step -> step.number() < gateStep && step.output() != null)
                .toList());
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Optional<String> found = in(earlier.get(i).output());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The value of the {@code last_restored_file} column in one pasted output. */
    static Optional<String> in(String output) {
        Matcher item = LIST_ITEM.matcher(output);
        if (item.find()) {
            return usable(item.group(1));
        }
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String header = lines[i];
            int at = header.indexOf(COLUMN);
            if (at < 0) {
                continue;
            }
            if (header.contains("\t")) {
                return tabbed(header, i + 1 < lines.length ? lines[i + 1] : "");
            }
            if (i + 2 < lines.length && lines[i + 1].strip().startsWith("-")) {
                return fixedWidth(at, lines[i + 1], lines[i + 2]);
            }
        }
        return Optional.empty();
    }

    /** When the log backup was taken, from the UTC time log shipping writes into its name. */
    static Optional<Instant> takenAt(String file) {
        Matcher stamp = STAMP.matcher(file);
        if (!stamp.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(stamp.group(1), STAMP_FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> tabbed(String header, String values) {
        String[] names = header.split("\t", -1);
        String[] cells = values.split("\t", -1);
        for (int column = 0; column < names.length; column++) {
            if (names[column].strip().equals(COLUMN) && column < cells.length) {
                return usable(cells[column]);
            }
        }
        return Optional.empty();
    }

    /** SSMS text results: the dashes under each header give the column's exact span. */
    private static Optional<String> fixedWidth(int headerAt, String dashes, String values) {
        Matcher run = DASHES.matcher(dashes);
        while (run.find()) {
            if (run.start() <= headerAt && headerAt < run.end()) {
                int end = Math.min(run.end(), values.length());
                return run.start() < end ? usable(values.substring(run.start(), end)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> usable(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() || stripped.equalsIgnoreCase("NULL") ? Optional.empty() : Optional.of(stripped);
    }
}
