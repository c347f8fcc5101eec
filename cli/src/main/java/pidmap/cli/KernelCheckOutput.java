package pidmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import pidmap.engine.report.Case;
import pidmap.engine.report.Format;
import pidmap.engine.report.JsonReport;
import pidmap.engine.report.JunitXml;
import pidmap.oracle.KernelReport;
import pidmap.oracle.NestedLockstep;
import pidmap.oracle.ScenarioKind;
import pidmap.trace.CannotWriteException;
import pidmap.trace.OutputDir;
import pidmap.verify.KernelDivergenceFiles;

/**
 * A kernel check's verdict in the chosen format: text, one JSON object, or JUnit XML with one
 * test case per scenario kind (flat) or per run (nested). Not thread-safe.
 */
final class KernelCheckOutput {
  private final PrintWriter out;
  private final Format format;

  KernelCheckOutput(PrintWriter out, Format format) {
    this.out = out;
    this.format = format;
  }

  void flat(KernelReport r, KernelDivergenceFiles.Filed filed, long seed) {
    switch (format) {
      case JSON:
        JsonReport.write(out, flatJson(r, filed, seed));
        break;
      case JUNIT:
        flatJunit(r, filed, seed);
        break;
      default:
        out.println(r.summary());
        out.println("exercised: " + r.eventSummary());
        if (filed != null) {
          out.print(filed.report());
        }
        break;
    }
    out.flush();
  }

  private static Map<String, Object> flatJson(KernelReport r, KernelDivergenceFiles.Filed filed,
      long seed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", "kernel check");
    m.put("kernel", r.release());
    m.put("seed", seed);
    m.put("verdict", filed == null ? "pass" : "fail");
    m.put("steps", r.steps());
    m.put("scenarios", r.episodes());
    m.put("seconds", r.nanos() / 1e9);
    Map<String, Object> kinds = new LinkedHashMap<>();
    new EnumMap<>(r.stepsByKind()).forEach((k, v) -> {
      Map<String, Object> km = new LinkedHashMap<>();
      km.put("steps", v);
      km.put("seconds", r.nanosByKind().getOrDefault(k, 0L) / 1e9);
      kinds.put(k.id(), km);
    });
    m.put("kinds", kinds);
    Map<String, Object> events = new LinkedHashMap<>();
    new EnumMap<>(r.events()).forEach((k, v) -> events.put(k.label(), v));
    m.put("exercised", events);
    if (filed != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("kind", filed.divergence().kind().id());
      f.put("scenario_seed", filed.divergence().seed());
      f.put("step", filed.divergence().step());
      f.put("message", filed.divergence().message());
      f.put("trace_file", str(filed.file()));
      f.put("shrunk_file", str(filed.shrunkFile()));
      Path replayable = filed.shrunkFile() != null ? filed.shrunkFile() : filed.file();
      f.put("replay", replayable == null ? null : "./pidmap replay " + replayable);
      f.put("not_written", filed.notWritten());
      m.put("divergence", f);
    }
    return m;
  }

  private void flatJunit(KernelReport r, KernelDivergenceFiles.Filed filed, long seed) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("kernel", r.release());
    props.put("seed", Long.toString(seed));
    Map<ScenarioKind, Long> steps = new EnumMap<>(r.stepsByKind());
    JunitXml xml = new JunitXml(out).begin(new JunitXml.Suite("pidmap kernel check",
        steps.size(), filed == null ? 0 : 1, 0, 0, r.nanos() / 1e9, props));
    for (Map.Entry<ScenarioKind, Long> e : steps.entrySet()) {
      String name = e.getKey().id() + ": " + e.getValue() + " steps";
      double secs = r.nanosByKind().getOrDefault(e.getKey(), 0L) / 1e9;
      boolean failed = filed != null && filed.divergence().kind() == e.getKey();
      xml.testCase(failed ? new Case(name, "pidmap.kernel.check", Case.Status.FAIL, secs,
          filed.divergence().message(), filed.report())
          : Case.pass(name, "pidmap.kernel.check", secs));
    }
    xml.end();
  }

  /** Prints the nested runs; true when none diverged. */
  boolean nested(List<NestedLockstep.Episode> runs, long seed, OutputDir dir) {
    long steps = runs.stream().mapToLong(NestedLockstep.Episode::steps).sum();
    long nanos = runs.stream().mapToLong(NestedLockstep.Episode::nanos).sum();
    Map<String, Integer> events = new TreeMap<>();
    runs.forEach(e -> e.events().forEach((k, v) -> events.merge(k, v, Integer::sum)));
    NestedLockstep.Episode bad = runs.stream().filter(e -> !e.ok()).findFirst().orElse(null);
    String file = null;
    String notWritten = null;
    if (bad != null) {
      try {
        file = dir.write("kernel-nested-divergence-seed" + bad.seed(),
            String.join("\n", bad.trace()) + "\n").toString();
      } catch (CannotWriteException e) {
        notWritten = e.getMessage();
      }
    }
    String again = "./pidmap kernel check --nested --seed " + seed + " --steps " + steps;
    switch (format) {
      case JSON: {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "kernel check --nested");
        m.put("seed", seed);
        m.put("verdict", bad == null ? "pass" : "fail");
        m.put("steps", steps);
        m.put("seconds", nanos / 1e9);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (NestedLockstep.Episode e : runs) {
          Map<String, Object> rm = new LinkedHashMap<>();
          rm.put("seed", e.seed());
          rm.put("level0_pid_max", e.outerPidMax());
          rm.put("steps", e.steps());
          rm.put("seconds", e.nanos() / 1e9);
          rm.put("divergence", e.divergence());
          rs.add(rm);
        }
        m.put("runs", rs);
        m.put("exercised", events);
        m.put("trace_file", file);
        m.put("not_written", notWritten);
        JsonReport.write(out, m);
        break;
      }
      case JUNIT: {
        JunitXml xml = new JunitXml(out).begin(new JunitXml.Suite("pidmap kernel check --nested",
            runs.size(), bad == null ? 0 : 1, 0, 0, nanos / 1e9,
            Map.of("seed", Long.toString(seed))));
        for (NestedLockstep.Episode e : runs) {
          String name = "level 0 pid_max " + e.outerPidMax() + ", seed " + e.seed() + ": "
              + e.steps() + " steps";
          xml.testCase(e.ok() ? Case.pass(name, "pidmap.kernel.nested", e.nanos() / 1e9)
              : new Case(name, "pidmap.kernel.nested", Case.Status.FAIL, e.nanos() / 1e9,
                  e.divergence(), String.join("\n", e.trace())));
        }
        xml.end();
        break;
      }
      default:
        out.println(String.format(Locale.ROOT,
            "nested kernel: %s in %s, %.1f s, %.0f steps/s, %s", Reports.count(steps, "layer step"),
            Reports.count(runs.size(), "run"), nanos / 1e9, steps / Math.max(1e-9, nanos / 1e9),
            bad == null ? "0 divergences" : "DIVERGED"));
        out.println("  exercised: " + events);
        if (bad != null) {
          out.println("divergence in the run of seed " + bad.seed() + " (level 0 pid_max "
              + bad.outerPidMax() + "): " + bad.divergence());
          out.println(file != null ? "  the layer trace: " + file
              : "  the layer trace is not written: " + notWritten);
          out.println("  again: " + again);
        }
        break;
    }
    out.flush();
    return bad == null;
  }

  private static String str(Path p) {
    return p == null ? null : p.toString();
  }
}
