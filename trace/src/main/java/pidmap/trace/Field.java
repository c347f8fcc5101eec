package pidmap.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One name/value pair of a trace line's object, as {@link LineParser} reads it; nested values are
 * only described, never used. Immutable.
 */
final class Field {
  final String name;
  final JsonToken token;
  final String text;
  final boolean fitsLong;
  final long longValue;

  private Field(String name, JsonToken token, String text, boolean fitsLong, long longValue) {
    this.name = name;
    this.token = token;
    this.text = text;
    this.fitsLong = fitsLong;
    this.longValue = longValue;
  }

  static Field read(String name, JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      boolean fits = p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
      return new Field(name, t, p.getText(), fits, fits ? p.getLongValue() : 0);
    }
    String text = describe(p, t);
    p.skipChildren();
    return new Field(name, t, t == JsonToken.VALUE_STRING ? p.getText() : text, false, 0);
  }

  String describe() {
    return token == JsonToken.VALUE_STRING ? quote(text) : text;
  }

  /** How a value reads in a message: a string quoted, an object or array by its kind. */
  static String describe(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      return "nothing";
    }
    if (t == JsonToken.START_OBJECT) {
      return "an object";
    }
    if (t == JsonToken.START_ARRAY) {
      return "an array";
    }
    return t == JsonToken.VALUE_STRING ? quote(p.getText()) : p.getText();
  }

  private static String quote(String s) {
    String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
