package pidmap.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of JMH's JSON result file: which benchmark, with which parameters and threads, and its
 * primary score with the half-width of its 99.9% confidence interval (NaN when JMH had too few
 * iterations to give one).
 *
 * <p>Immutable and thread-safe.
 *
 * @param benchmark the short name, {@code Class.method} (package dropped)
 * @param params the {@code @Param} values, in JMH's order
 */
public record BenchResult(
    String benchmark, Map<String, String> params, int threads, double score, double error,
    String unit) {

  public BenchResult {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The implementation compared ({@code @Param impl}), or {@code ""} if the benchmark has none. */
  public String impl() {
    return params.getOrDefault("impl", "");
  }

  /** The parameters other than {@code impl}: what makes a row of the table. */
  public Map<String, String> caseParams() {
    Map<String, String> rest = new LinkedHashMap<>(params);
    rest.remove("impl");
    return rest;
  }

  /** Reads every result of a JMH {@code -rf json} file. */
  public static List<BenchResult> read(Path json) throws IOException {
    return parse(new ObjectMapper().readTree(json.toFile()));
  }

  /** Parses the JSON array JMH writes; refuses anything else, naming what it found. */
  public static List<BenchResult> parse(JsonNode root) {
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(
          "JMH result: " + (root == null ? "nothing" : root.getNodeType())
              + " (expected: the JSON array that -rf json writes)");
    }
    List<BenchResult> out = new ArrayList<>();
    for (JsonNode run : root) {
      String full = run.path("benchmark").asText();
      int cut = full.lastIndexOf('.', full.lastIndexOf('.') - 1);
      Map<String, String> params = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().asText());
      }
      JsonNode m = run.path("primaryMetric");
      if (!m.has("score")) {
        throw new IllegalArgumentException("JMH result " + full + ": no primaryMetric.score");
      }
      out.add(new BenchResult(full.substring(cut + 1), params, run.path("threads").asInt(1),
          m.path("score").asDouble(), m.path("scoreError").asDouble(Double.NaN),
          m.path("scoreUnit").asText()));
    }
    return out;
  }
}
