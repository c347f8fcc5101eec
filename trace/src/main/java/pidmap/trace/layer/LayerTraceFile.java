package pidmap.trace.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.SetTid;
import pidmap.trace.TraceFormatException;

/**
 * The file form of a pid-layer trace, as replay and shrink read it and verify writes it: JSON
 * Lines, a {@code layer_config} line first, then one {@link LayerOp} per line, each with an
 * optional {@code "expect"}: the answer the model must give (docs/PID_LAYER.md, "The trace
 * vocabulary"). Blank lines and {@code #} comments are skipped, as in allocator traces; they count
 * for line numbers. Example:
 *
 * <pre>
 * {"op":"layer_config","profile":"linux-6","bits_per_page":4,"reserved":2,"pid_max_limit":16,"default_pid_max":16,"mem_pages":0}
 * {"op":"fork","id":1,"parent":"t0","flags":"0","expect":"t1 1"}
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LayerTraceFile {
  private LayerTraceFile() {}

  /** The op name of the first line. */
  public static final String CONFIG_OP = "layer_config";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One operation line.
   *
   * @param line 1-based line number in the file (the config line is line 1)
   * @param op the operation
   * @param expect the answer it must give, or null
   * @param via how the process level sends it to an agent beyond the op itself (a lookup's
   *     system call, setns's task, the task that writes pid_max), or null; the layer ignores it
   */
  public record Line(long line, LayerOp op, String expect, String via) {
    public Line(long line, LayerOp op, String expect) {
      this(line, op, expect, null);
    }
  }

  /** A whole layer trace. */
  public record Trace(LayerConfig config, List<Line> lines) {
    /** The operations, in order. */
    public List<LayerOp> ops() {
      return lines.stream().map(Line::op).toList();
    }
  }

  /** Whether {@code firstLine} is a layer trace's config line. */
  public static boolean isLayerTrace(String firstLine) {
    try {
      JsonNode n = JSON.readTree(firstLine);
      return n != null && CONFIG_OP.equals(n.path("op").asText());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }

  /** The config line for {@code c}. */
  public static String configLine(LayerConfig c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("op", CONFIG_OP);
    o.put("profile", c.profile().id());
    o.put("bits_per_page", c.geometry().bitsPerPage());
    o.put("reserved", c.geometry().reservedPids());
    o.put("pid_max_limit", c.geometry().pidMaxLimit());
    o.put("default_pid_max", c.geometry().defaultPidMax());
    o.put("mem_pages", c.nrKernelPages());
    if (!c.pidMaxByLevel().isEmpty()) {
      o.put("pid_max", c.bootPidMax());
    }
    if (c.maxNsLevel() != SetTid.MAX_PID_NS_LEVEL) {
      o.put("max_ns_level", c.maxNsLevel());
    }
    return o.toString();
  }

  /** One operation line, with its expect when not null. */
  public static String line(LayerOp op, String expect) {
    return line(op, expect, null);
  }

  /**
   * One operation line, with its expect and its {@code via} (the process level's detail, so the
   * line replays against an agent: {@code ./pidmap kernel replay --layer}) when not null.
   */
  public static String line(LayerOp op, String expect, String via) {
    if (expect == null && via == null) {
      return op.toJson();
    }
    try {
      ObjectNode o = (ObjectNode) JSON.readTree(op.toJson());
      if (via != null) {
        o.put("via", via);
      }
      if (expect != null) {
        o.put("expect", expect);
      }
      return o.toString();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a whole trace; refuses a missing or bad config line or a bad op, naming the line. */
  public static Trace parse(List<String> text) {
    int first = 0;
    while (first < text.size() && skipped(text.get(first))) {
      first++;
    }
    if (first == text.size()) {
      throw new TraceFormatException(1, "empty: a layer trace starts with a layer_config line");
    }
    LayerConfig config = config(text.get(first), first + 1);
    List<Line> lines = new ArrayList<>();
    for (int i = first + 1; i < text.size(); i++) {
      String s = text.get(i);
      if (skipped(s)) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(s);
        String expect = n != null && n.has("expect") ? n.get("expect").asText() : null;
        String via = n != null && n.has("via") ? n.get("via").asText() : null;
        lines.add(new Line(i + 1, LayerOp.parse(s), expect, via));
      } catch (PidmapException e) {
        throw new TraceFormatException(i + 1, e.getMessage());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new TraceFormatException(i + 1, "not one JSON object");
      }
    }
    return new Trace(config, lines);
  }

  /** A blank line or a {@code #} comment. */
  public static boolean skipped(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  private static LayerConfig config(String s, long line) {
    try {
      JsonNode n = JSON.readTree(s);
      if (n == null || !CONFIG_OP.equals(n.path("op").asText())) {
        throw new TraceFormatException(line, "the first line must be {\"op\":\"layer_config\",...}");
      }
      Profile profile = Profile.byId(n.path("profile").asText(Profile.LINUX_2_6_24.id()));
      Geometry k = Geometry.KERNEL;
      int bpp = n.path("bits_per_page").asInt(k.bitsPerPage());
      int reserved = n.path("reserved").asInt(k.reservedPids());
      int limit = n.path("pid_max_limit").asInt(k.pidMaxLimit());
      int dflt = n.path("default_pid_max").asInt(Math.min(limit, k.defaultPidMax()));
      Geometry g = new Geometry(bpp, reserved, limit, dflt);
      long mem = n.path("mem_pages").asLong(LayerConfig.ONE_GIGABYTE_PAGES);
      List<Integer> boot = n.has("pid_max") ? List.of(n.get("pid_max").asInt()) : List.of();
      int maxLevel = n.path("max_ns_level").asInt(SetTid.MAX_PID_NS_LEVEL);
      return new LayerConfig(g, profile, mem, boot, maxLevel);
    } catch (PidmapException e) {
      throw new TraceFormatException(line, e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new TraceFormatException(line, "not one JSON object");
    }
  }
}
