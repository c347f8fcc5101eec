package pidmap.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;

/**
 * A minimal reader of the trace format (docs/DESIGN.md) for these tests: a config line, then
 * operations with their {@code expect}s.
 */
public record TraceText(Profile profile, Geometry geometry, List<Op> ops, List<Expect> expects) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static TraceText parse(List<String> lines) {
    Geometry k = Geometry.KERNEL;
    Profile profile = Profile.LINUX_6;
    int bpp = k.bitsPerPage();
    int reserved = k.reservedPids();
    int limit = k.pidMaxLimit();
    int pidMax = k.defaultPidMax();
    List<Op> ops = new ArrayList<>();
    List<Expect> expects = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = read(line);
      String op = n.get("op").asText();
      if (op.equals("config")) {
        profile = n.has("profile") ? Profile.byId(n.get("profile").asText()) : profile;
        bpp = n.path("bits_per_page").asInt(bpp);
        reserved = n.path("reserved").asInt(reserved);
        limit = n.path("pid_max_limit").asInt(limit);
        pidMax = n.path("pid_max").asInt(pidMax);
        continue;
      }
      switch (op) {
        case "alloc":
          ops.add(Op.alloc());
          break;
        case "free":
          ops.add(Op.free(n.get("pid").asLong()));
          break;
        case "next":
          ops.add(Op.next(n.get("after").asLong()));
          break;
        case "set_last":
          ops.add(Op.setLast(n.get("pid").asLong()));
          break;
        case "set_pid_max":
          ops.add(Op.setPidMax(n.get("value").asLong()));
          break;
        default:
          throw new IllegalArgumentException("unknown op in trace line: " + line);
      }
      JsonNode e = n.get("expect");
      expects.add(e == null ? null : e.isNumber() ? Expect.pid(e.asInt()) : Expect.named(e.asText()));
    }
    return new TraceText(profile, new Geometry(bpp, reserved, limit, pidMax), ops, expects);
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not a trace line: " + line, e);
    }
  }
}
