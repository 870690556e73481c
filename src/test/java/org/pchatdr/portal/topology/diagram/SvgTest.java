package org.pchatdr.portal.topology.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void escapesTheFiveXmlSpecialsInTextsAndAttributes() {
        String svg = new Svg()
                .open("g", "data-name", "a\"b'c<d>&e")
                .text("text", "</text><script>alert('x')</script> & \"q\"")
                .close()
                .finish();
        assertThat(svg)
                .isEqualTo(
                        "<g data-name=\"a&quot;b&apos;c&lt;d&gt;&amp;e\">"
                                + "<text>&lt;/text&gt;&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;</text></g>");
    }

    @Test
    void replacesCharactersXmlCannotCarry() {
        assertThat(Svg.escape("a\u0000b\u001Fc\tok\uD800\uFFFE")).isEqualTo("a\uFFFDb\uFFFDc\tok\uFFFD\uFFFD");
        assertThat(Svg.escape("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
        String svg = new Svg().text("text", "nul\u0000here").finish();
        assertThat(SvgDocument.parse(svg).root().getTextContent()).isEqualTo("nul\uFFFDhere");
    }

    @Test
    void leavesOutNullAttributesAndWritesPlainNumbersWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH);
            String svg = new Svg()
                    .empty("rect", "x", 12.25, "y", 3.0, "width", 1500, "class", null)
                    .finish();
            assertThat(svg).isEqualTo("<rect x=\"12.3\" y=\"3\" width=\"1500\"/>");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void refusesToFinishWithOpenElements() {
        assertThatThrownBy(() -> new Svg().open("svg").finish()).isInstanceOf(IllegalStateException.class);
    }
}
