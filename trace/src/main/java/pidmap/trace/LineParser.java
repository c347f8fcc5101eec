package pidmap.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import pidmap.spec.Profile;

/**
 * Turns one non-blank trace line into a config or an operation, or refuses it with a {@link
 * TraceFormatException} that says what is wrong. Field order within a line is free; every other
 * rule of docs/DESIGN.md's format is enforced: one JSON object per line, a known {@code op}, exactly
 * the fields that op takes, integers where integers belong, an {@code expect} of the op's kind.
 *
 * <p>Stateless apart from the shared, thread-safe Jackson factory; one instance may be shared.
 */
final class LineParser {

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
  /** The errno names an alloc can answer: each profile's exhaustion errno. */
  private static final List<String> ALLOC_ERRNOS = allocErrnos();
  private static final String CONFIG = "config";
  private static final List<String> CONFIG_INTS =
      List.of("pid_max", "bits_per_page", "reserved", "pid_max_limit");

  /** One parsed line: exactly one of the two is set. */
  record Parsed(TraceConfig config, TraceLine line) {}

  Parsed parse(String text, long line) {
    List<Field> fields = fields(text, line);
    Field opField = find(fields, "op");
    if (opField == null) {
      throw fail(line, "missing \"op\" (one of " + opNames() + ")");
    }
    if (opField.token != JsonToken.VALUE_STRING) {
      throw fail(line, "\"op\" must be a string, got " + opField.describe());
    }
    if (opField.text.equals(CONFIG)) {
      return new Parsed(config(fields, line), null);
    }
    Op.Kind kind = kindOf(opField.text);
    if (kind == null) {
      throw fail(line, "unknown op " + opField.describe() + " (expected one of " + opNames() + ")");
    }
    return new Parsed(null, operation(kind, fields, line));
  }

  private TraceLine operation(Op.Kind kind, List<Field> fields, long line) {
    String op = kind.wire();
    String argName = argName(kind);
    Field arg = argName == null ? null : find(fields, argName);
    if (argName != null && arg == null) {
      throw fail(line, op + " needs \"" + argName + "\" (an integer)");
    }
    for (Field f : fields) {
      if (!f.name.equals("op") && !f.name.equals("expect") && !f.name.equals(argName)) {
        throw fail(line, op + " takes no \"" + f.name + "\" (its fields: op, "
            + (argName == null ? "" : argName + ", ") + "expect)");
      }
    }
    long value = 0;
    if (arg != null) {
      if (arg.token != JsonToken.VALUE_NUMBER_INT) {
        throw fail(line, op + " needs \"" + argName + "\" (an integer), got " + arg.describe());
      }
      if (!arg.fitsLong) {
        throw fail(line, op + "'s \"" + argName + "\" does not fit in 64 bits: " + arg.text);
      }
      value = arg.longValue;
    }
    Field e = find(fields, "expect");
    Expect expect = e == null ? null : expect(kind, e, line);
    return new TraceLine(new Op(kind, value), expect, line);
  }

  /** The expect a line may carry depends on its op: what that op can answer. */
  private Expect expect(Op.Kind kind, Field e, long line) {
    boolean isInt = e.token == JsonToken.VALUE_NUMBER_INT && e.fitsLong
        && e.longValue <= Integer.MAX_VALUE;
    boolean isString = e.token == JsonToken.VALUE_STRING;
    switch (kind) {
      case ALLOC:
        if (isInt && e.longValue >= 0) {
          return Expect.pid((int) e.longValue);
        }
        if (isString && ALLOC_ERRNOS.contains(e.text)) {
          return Expect.named(e.text);
        }
        throw badExpect(kind, "a pid (an integer >= 0) or an exhausted alloc's errno, "
            + errnoNames(), e, line);
      case NEXT:
        if (isInt && e.longValue >= -1) {
          return Expect.pid((int) e.longValue);
        }
        if (isString && e.text.equals(Expect.REFUSED)) {
          return Expect.named(e.text);
        }
        throw badExpect(kind, "a pid (an integer >= -1) or \"" + Expect.REFUSED + "\"", e, line);
      default:
        if (isString && (e.text.equals("ok") || e.text.equals(Expect.REFUSED))) {
          return Expect.named(e.text);
        }
        throw badExpect(kind, "\"ok\" or \"" + Expect.REFUSED + "\"", e, line);
    }
  }

  private static List<String> allocErrnos() {
    List<String> names = new ArrayList<>();
    for (Profile p : Profile.values()) {
      if (!names.contains(p.exhaustionErrno())) {
        names.add(p.exhaustionErrno());
      }
    }
    return List.copyOf(names);
  }

  /** {@code "ENOMEM" or "EAGAIN"}. */
  private static String errnoNames() {
    List<String> quoted = new ArrayList<>();
    for (String name : ALLOC_ERRNOS) {
      quoted.add("\"" + name + "\"");
    }
    return String.join(" or ", quoted);
  }

  private static TraceFormatException badExpect(Op.Kind kind, String what, Field e, long line) {
    return fail(line, kind.wire() + "'s \"expect\" must be " + what + ", got " + e.describe());
  }

  private TraceConfig config(List<Field> fields, long line) {
    String profile = null;
    Integer[] ints = new Integer[CONFIG_INTS.size()];
    for (Field f : fields) {
      if (f.name.equals("op")) {
        continue;
      }
      if (f.name.equals("profile")) {
        if (f.token != JsonToken.VALUE_STRING) {
          throw fail(line, "config's \"profile\" must be a string, got " + f.describe());
        }
        profile = knownProfile(f, line);
        continue;
      }
      int i = CONFIG_INTS.indexOf(f.name);
      if (i < 0) {
        throw fail(line, "config takes no \"" + f.name + "\" (its fields: op, profile, "
            + String.join(", ", CONFIG_INTS) + ")");
      }
      if (f.token != JsonToken.VALUE_NUMBER_INT) {
        throw fail(line, "config's \"" + f.name + "\" must be an integer, got " + f.describe());
      }
      if (!f.fitsLong || f.longValue < Integer.MIN_VALUE || f.longValue > Integer.MAX_VALUE) {
        throw fail(line, "config's \"" + f.name + "\" does not fit in 32 bits: " + f.text);
      }
      ints[i] = (int) f.longValue;
    }
    return new TraceConfig(profile, ints[0], ints[1], ints[2], ints[3]);
  }

  private static String knownProfile(Field f, long line) {
    for (Profile p : Profile.values()) {
      if (p.id().equals(f.text)) {
        return f.text;
      }
    }
    List<String> ids = new ArrayList<>();
    for (Profile p : Profile.values()) {
      ids.add(p.id());
    }
    throw fail(line, "config's \"profile\" must be one of " + String.join(", ", ids)
        + ", got " + f.describe());
  }

  // ---- the JSON layer: one flat object per line ----

  private static List<Field> fields(String text, long line) {
    List<Field> fields = new ArrayList<>(4);
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw fail(line, "expected a JSON object such as {\"op\":\"alloc\"}, got "
            + Field.describe(p, first));
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (find(fields, name) != null) {
          throw fail(line, "\"" + name + "\" appears twice");
        }
        fields.add(Field.read(name, p, p.nextToken()));
      }
      if (p.nextToken() != null) {
        throw fail(line, "more text after the closing }");
      }
    } catch (StreamConstraintsException e) {
      throw fail(line, tooLarge(e));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw fail(line, "bad JSON" + where + ": " + firstSentence(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
    return fields;
  }

  /**
   * What a line exceeds, in the trace's words: Jackson refuses numbers, nesting and strings
   * beyond {@link StreamReadConstraints}' defaults, none of which a trace line ever needs.
   */
  private static String tooLarge(StreamConstraintsException e) {
    StreamReadConstraints c = StreamReadConstraints.defaults();
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (m.startsWith("Number")) {
      return "a number longer than " + c.getMaxNumberLength() + " digits (no field takes one;"
          + " a pid or value fits in 64 bits)";
    }
    if (m.contains("nesting depth")) {
      return "values nested deeper than " + c.getMaxNestingDepth() + " levels (a trace line is"
          + " one flat object)";
    }
    if (m.startsWith("String")) {
      return "a string longer than " + c.getMaxStringLength() + " characters";
    }
    if (m.startsWith("Name")) {
      return "a field name longer than " + c.getMaxNameLength() + " characters";
    }
    return "too large to read: " + firstSentence(m).replaceAll(", from `[^`]*`", "");
  }

  /** Jackson's message without its trailing location and advice. */
  private static String firstSentence(String message) {
    String m = message.split("\n", 2)[0];
    int marker = m.indexOf(" (start marker at");
    return marker < 0 ? m : m.substring(0, marker);
  }

  private static Field find(List<Field> fields, String name) {
    for (Field f : fields) {
      if (f.name.equals(name)) {
        return f;
      }
    }
    return null;
  }

  private static Op.Kind kindOf(String wire) {
    for (Op.Kind k : Op.Kind.values()) {
      if (k.wire().equals(wire)) {
        return k;
      }
    }
    return null;
  }

  private static String argName(Op.Kind kind) {
    switch (kind) {
      case ALLOC:
        return null;
      case NEXT:
        return "after";
      case SET_PID_MAX:
        return "value";
      default:
        return "pid";
    }
  }

  private static String opNames() {
    List<String> names = new ArrayList<>();
    for (Op.Kind k : Op.Kind.values()) {
      names.add(k.wire());
    }
    names.add(CONFIG);
    return String.join(", ", names);
  }

  private static TraceFormatException fail(long line, String problem) {
    return new TraceFormatException(line, problem);
  }
}
