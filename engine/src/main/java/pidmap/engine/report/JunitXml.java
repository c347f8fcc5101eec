package pidmap.engine.report;

import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streams one JUnit XML test suite (the Ant/Surefire format CI systems read): {@link #begin} with
 * the suite's counts, one {@link #testCase} per case, {@link #end}. Counts come first because the
 * format puts them on the opening tag; a caller that learns them only at the end runs twice (as
 * {@code replay} does) or collects its cases first. Not thread-safe.
 */
public final class JunitXml {
  private final XMLStreamWriter xml;
  private final Writer out;

  public JunitXml(Writer out) {
    this.out = out;
    try {
      this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The counts of a suite.
   *
   * @param properties name/value pairs shown as the suite's properties (the seed, the geometry)
   */
  public record Suite(String name, long tests, long failures, long errors, long skipped,
      double seconds, Map<String, String> properties) {}

  /** Writes everything up to the first test case. */
  public JunitXml begin(Suite s) {
    try {
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", s.name());
      xml.writeAttribute("tests", Long.toString(s.tests()));
      xml.writeAttribute("failures", Long.toString(s.failures()));
      xml.writeAttribute("errors", Long.toString(s.errors()));
      xml.writeAttribute("skipped", Long.toString(s.skipped()));
      xml.writeAttribute("time", seconds(s.seconds()));
      xml.writeCharacters("\n  ");
      xml.writeStartElement("properties");
      for (Map.Entry<String, String> p : s.properties().entrySet()) {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", p.getKey());
        xml.writeAttribute("value", p.getValue());
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One {@code <testcase>}, with a failure, error or skipped element unless it passed. */
  public JunitXml testCase(Case c) {
    try {
      xml.writeCharacters("\n  ");
      boolean passed = c.status() == Case.Status.PASS;
      if (passed) {
        xml.writeEmptyElement("testcase");
      } else {
        xml.writeStartElement("testcase");
      }
      xml.writeAttribute("name", c.name());
      xml.writeAttribute("classname", c.classname());
      xml.writeAttribute("time", seconds(c.seconds()));
      if (!passed) {
        xml.writeCharacters("\n    ");
        String element = c.status() == Case.Status.SKIP ? "skipped"
            : c.status() == Case.Status.ERROR ? "error" : "failure";
        boolean body = !c.detail().isEmpty();
        if (body) {
          xml.writeStartElement(element);
        } else {
          xml.writeEmptyElement(element);
        }
        xml.writeAttribute("message", c.message());
        if (c.status() != Case.Status.SKIP) {
          xml.writeAttribute("type", c.status() == Case.Status.ERROR ? "error" : "failure");
        }
        if (body) {
          xml.writeCharacters(c.detail());
          xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Closes the suite and flushes. */
  public void end() {
    try {
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      out.flush();
    } catch (XMLStreamException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }
}
