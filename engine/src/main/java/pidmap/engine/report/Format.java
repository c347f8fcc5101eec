package pidmap.engine.report;

import java.util.Locale;

/** How a command prints its result: for people, as one JSON document, or as JUnit XML. */
public enum Format {
  /** Lines for a person (the default). */
  TEXT,
  /** One JSON object; docs/CLI.md gives the schema of each command's. */
  JSON,
  /** A JUnit XML test suite, one test case per row or step, as CI systems read it. */
  JUNIT;

  /** {@code text}, {@code json} or {@code junit}, as the command line spells it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
