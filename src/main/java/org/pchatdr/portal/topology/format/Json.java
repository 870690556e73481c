package org.pchatdr.portal.topology.format;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader's own JSON tree, built by {@link JsonText} so that a repeated key is reported instead of
 * silently replacing the first; fields keep the document's order and integers are told apart from
 * numbers written with a fraction or an exponent.
 */
public sealed interface Json {

    record JObject(Map<String, Json> fields) implements Json {
        public JObject {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Json get(String name) {
            return fields.get(name);
        }
    }

    record JArray(List<Json> items) implements Json {
        public JArray {
            items = List.copyOf(items);
        }
    }

    record JString(String value) implements Json {}

    /** {@code integer} is null when the number was written with a fraction or an exponent. */
    record JNumber(String text, BigInteger integer) implements Json {
        public static JNumber of(long value) {
            return new JNumber(Long.toString(value), BigInteger.valueOf(value));
        }
    }

    record JBoolean(boolean value) implements Json {}

    record JNull() implements Json {
        public static final JNull INSTANCE = new JNull();
    }

    static Json string(String value) {
        return value == null ? JNull.INSTANCE : new JString(value);
    }
}
