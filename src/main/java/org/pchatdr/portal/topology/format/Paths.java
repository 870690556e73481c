package org.pchatdr.portal.topology.format;

import java.util.regex.Pattern;
import org.pchatdr.portal.topology.HostileText;

/** Paths in the format's notation: {@code $} for the document, {@code pools[0].servers[2].fqdn}. */
public final class Paths {

    public static final String ROOT = "$";

    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Paths() {}

    /** A field of an object; a name that is not a plain word is written {@code ["…"]}, escaped and trimmed. */
    public static String field(String parent, String name) {
        if (SIMPLE_NAME.matcher(name).matches()) {
            return ROOT.equals(parent) ? name : parent + "." + name;
        }
        String shown = HostileText.excerpt(name).replace("\\", "\\\\").replace("\"", "\\\"");
        return parent + "[\"" + shown + "\"]";
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
