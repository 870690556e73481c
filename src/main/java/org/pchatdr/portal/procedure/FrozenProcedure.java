package org.pchatdr.portal.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pchatdr.portal.base.Sha256;

/**
 * A procedure frozen for a run: the same steps in every language the portal speaks (the scripts are
 * identical, the texts are not), so that each reader sees the run in their own language, and the
 * facts of the pool the run needs, so that the run never reads the topology again. {@code document}
 * is what the run stores and {@code sha256} the hash it shows; {@link #thaw} reads it back, and also
 * reads the single-language procedure JSON that runs stored before procedures were frozen this way.
 */
public record FrozenProcedure(String document, String sha256, Facts facts, Map<String, Procedure> languages) {

    /** The document's format, written first so that a reader knows it from an older plain procedure. */
    static final String FORMAT = "pchat-dr-frozen-procedure/2";

    /** The languages a procedure is frozen in, the first being the fallback. */
    static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH);

    /** The key of the one language of a procedure frozen before languages were recorded. */
    static final String AS_FROZEN = "";

    public FrozenProcedure {
        languages = Map.copyOf(new LinkedHashMap<>(languages));
    }

    /**
     * What a run needs to know of its pool and topology, as they were when it was frozen. For a run
     * frozen before these were kept, only {@code topologyName}, {@code topologyVersion} and
     * {@code pool} are known; the other values are {@code null}.
     */
    public record Facts(
            String topologyName,
            int topologyVersion,
            String pool,
            Integer rtoMinutes,
            Integer rpoMinutes,
            Map<String, String> siteNames) {

        public Facts {
            siteNames = siteNames == null ? Map.of() : Map.copyOf(siteNames);
        }

        /** The site's name, or its id when the run did not keep it. */
        public String siteName(String siteId) {
            return siteId == null ? null : siteNames.getOrDefault(siteId, siteId);
        }
    }

    /** The procedure in the reader's language, or in the language it was frozen in when it has not that one. */
    public Procedure in(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        Procedure procedure = languages.get(language);
        if (procedure != null) {
            return procedure;
        }
        return LOCALES.stream()
                .map(Locale::getLanguage)
                .map(languages::get)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseGet(() -> languages.get(AS_FROZEN));
    }

    /** The languages it was frozen in. */
    public Set<String> languageCodes() {
        return languages.keySet();
    }

    /** Freezes the same procedure written in several languages, with the pool's facts. */
    static FrozenProcedure freeze(Facts facts, Map<String, Procedure> languages) {
        String document = ProcedureJson.writeFrozen(FORMAT, facts, languages);
        return new FrozenProcedure(document, Sha256.hex(document), facts, languages);
    }

    /**
     * The frozen procedure a run stored, whichever way it was written.
     *
     * @throws IllegalArgumentException when {@code document} is neither a frozen nor a plain procedure
     */
    public static FrozenProcedure thaw(String document) {
        return ProcedureJson.readFrozen(FORMAT, document)
                .map(frozen -> new FrozenProcedure(document, Sha256.hex(document), frozen.facts(), frozen.languages()))
                .orElseGet(() -> {
                    Procedure plain = ProcedureJson.read(document);
                    Facts facts = new Facts(
                            plain.topology() == null ? null : plain.topology().name(),
                            plain.topology() == null ? 0 : plain.topology().version(),
                            plain.pool(),
                            null,
                            null,
                            Map.of());
                    // Its language was not recorded: every reader sees it as it was frozen.
                    return new FrozenProcedure(document, Sha256.hex(document), facts, Map.of(AS_FROZEN, plain));
                });
    }
}
