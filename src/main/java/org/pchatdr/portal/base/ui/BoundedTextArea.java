package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A text area for a reason, comment or note that the service bounds: it counts the characters as
 * they are typed and says, in red, how many are too many. It never sets the browser's
 * {@code maxlength}, which cuts pasted text silently: the person sees the excess and shortens it
 * themselves, and the service still refuses a text over the limit ({@code TypedText}).
 */
public class BoundedTextArea extends TextArea {

    private final int max;
    private final Span help = new Span();
    private final Span counter = new Span();

    public BoundedTextArea(String label, int max) {
        super(label);
        this.max = max;
        setValueChangeMode(ValueChangeMode.LAZY);
        // The field's own validation would undo the invalid state the counter sets.
        setManualValidation(true);
        help.setVisible(false);
        counter.addClassName("text-counter");
        Div helper = new Div(help, counter);
        helper.addClassName("bounded-text-helper");
        setHelperComponent(helper);
        addValueChangeListener(change -> count());
        count();
    }

    /** The help text, shown above the count. */
    public void setHelp(String text) {
        help.setText(text);
        help.setVisible(text != null && !text.isBlank());
    }

    /** The most characters the service accepts. */
    public int max() {
        return max;
    }

    /** Whether what was typed is within the limit. */
    public boolean fits() {
        return length() <= max;
    }

    /** What the counter says: the count, or how many characters are too many. */
    public String counterText() {
        return counter.getText();
    }

    @Override
    public void setId(String id) {
        super.setId(id);
        counter.setId(id + "-counter");
    }

    private int length() {
        return getValue() == null ? 0 : getValue().length();
    }

    private void count() {
        int length = length();
        boolean over = length > max;
        counter.setText(
                over
                        ? getTranslation("text.counter.over", length - max, max)
                        : getTranslation("text.counter", length, max));
        counter.getElement().getClassList().set("text-counter-over", over);
        setInvalid(over);
        setErrorMessage(over ? counter.getText() : null);
    }
}
