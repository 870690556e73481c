package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.text.DateFormatSymbols;
import java.util.Arrays;
import java.util.Locale;

/**
 * Date and date-time pickers that show what {@link org.pchatdr.portal.base.PortalTime} writes: ISO
 * dates and 24-hour times, in every language (issue 12). The picker's own locale decides the
 * 12- or 24-hour clock, and American English, Vaadin's default for English, has the 12-hour one:
 * English pickers take British English, which writes 24-hour times. Dates typed the way the
 * user's language writes them are read too.
 */
public final class Pickers {

    private Pickers() {}

    /** Call once the picker is created: it takes the language of the user's UI. */
    public static DateTimePicker portalFormat(DateTimePicker picker) {
        Locale locale = picker.getLocale();
        picker.setDatePickerI18n(dateI18n(picker, locale));
        picker.setLocale(pickerLocale(locale));
        return picker;
    }

    public static DatePicker portalFormat(DatePicker picker) {
        Locale locale = picker.getLocale();
        picker.setI18n(dateI18n(picker, locale));
        picker.setLocale(pickerLocale(locale));
        return picker;
    }

    private static Locale pickerLocale(Locale locale) {
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.UK : locale;
    }

    /** Month and day names from Java's data for the language, as the component has only English ones. */
    private static DatePicker.DatePickerI18n dateI18n(Component picker, Locale locale) {
        boolean french = locale.getLanguage().equals(Locale.FRENCH.getLanguage());
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        return new DatePicker.DatePickerI18n()
                .setDateFormats("yyyy-MM-dd", french ? "d/M/yyyy" : "M/d/yyyy")
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                // DateFormatSymbols starts its day arrays with an empty entry.
                .setWeekdays(Arrays.asList(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(french ? 1 : 0)
                .setToday(picker.getTranslation(locale, "picker.today"))
                .setCancel(picker.getTranslation(locale, "action.cancel"));
    }
}
