package io.lockbench.stress.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's parse errors in the user's terms: its messages name Java settings
 * ({@code StreamReadConstraints}, {@code JsonReadFeature}) that a user of the command line
 * cannot change, so those parts are replaced by what the limit is.
 */
final class JsonMessages {

    private JsonMessages() {
    }

    static String plain(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                return "expected at most 1000 nested arrays and objects but found deeper nesting";
            }
            if (message.contains("Number value length") || message.contains("number length")) {
                return "expected a number of at most 1000 digits but found a longer one";
            }
            if (message.contains("String value length")) {
                return "expected a string of at most 20,000,000 characters but found a longer one";
            }
            return message.replaceAll(" ?\\(.*`.*`\\)", "");
        }
        return message
                .replaceAll(":? *enable `[^`]*` to allow", "")
                .replaceAll("\\s*\\(for [^)]*\\)", "")
                .replace("`", "'");
    }
}
