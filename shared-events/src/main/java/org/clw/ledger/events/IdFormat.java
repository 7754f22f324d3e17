package org.clw.ledger.events;

import java.util.regex.Pattern;

/**
 * The format shared by the typed ids: short, URL-safe and free of anything a path or a query could misread.
 * Messages never echo the rejected value, which may be hostile or huge.
 */
public final class IdFormat {

    private static final Pattern GENERAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private IdFormat() {
    }

    public static String require(String value, String kind) {
        return require(value, kind, GENERAL, "1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
    }

    public static String require(String value, String kind, Pattern pattern, String description) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be " + description);
        }
        return value;
    }
}
