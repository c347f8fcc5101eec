package pidmap.verify;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pidmap.engine.StepResult;
import pidmap.engine.shrink.TraceShrinker;
import pidmap.impl.BitmapPidAllocator;
import pidmap.oracle.KernelDivergence;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.CannotWriteException;
import pidmap.trace.OutputDir;
import pidmap.trace.TraceConfig;
import pidmap.trace.TraceLine;
import pidmap.trace.TraceReader;
import pidmap.trace.TraceWriter;

/**
 * What a person needs after the kernel and the linux-6 model disagree: the recorded trace written
 * to a file, the trace shrunk to the lines that still make the model answer otherwise than the
 * kernel did (its expects are the kernel's answers, so {@code replay} shows the disagreement),
 * and the commands that replay it and record the scenario again. Stateless.
 */
public final class KernelDivergenceFiles {
  private KernelDivergenceFiles() {}

  /**
   * A divergence, filed.
   *
   * @param divergence what the kernel run found
   * @param file the whole recorded trace, or null (then {@code notWritten} says why)
   * @param shrunk the shrunk trace, JSON Lines with its config line, or "" when the trace
   *     replays without failing (the disagreement was in the kernel's own view, e.g. /proc)
   * @param shrunkFile where the shrunk trace was written, or null
   * @param notWritten why a file is missing, or null
   */
  public record Filed(KernelDivergence divergence, Path file, String shrunk, Path shrunkFile,
      String notWritten) {

    /** The lines a person reads: what, the files, the commands. */
    public String report() {
      KernelDivergence d = divergence;
      StringBuilder b = new StringBuilder()
          .append("kernel divergence at step ").append(d.step()).append(" of a ")
          .append(d.kind()).append(" scenario (scenario seed ").append(d.seed()).append("): ")
          .append(d.message()).append('\n');
      if (file != null) {
        b.append("  the recorded trace (expects = the kernel's answers): ").append(file)
            .append('\n');
      }
      if (shrunkFile != null) {
        b.append("  shrunk to ").append(shrunk.lines().count() - 1).append(" steps: ")
            .append(shrunkFile).append('\n')
            .append("  replay: ./pidmap replay ").append(shrunkFile).append('\n');
      } else if (file != null) {
        b.append("  replay: ./pidmap replay ").append(file).append('\n');
      }
      if (notWritten != null) {
        b.append("  not written: ").append(notWritten).append('\n');
      }
      b.append("  record the scenario again: ./pidmap kernel record --kind ").append(d.kind().id())
          .append(" --seed ").append(d.seed()).append(" --steps ").append(d.step())
          .append(pidMaxFlag(d)).append('\n');
      String lines = shrunk.isEmpty() ? String.join("\n", d.trace()) + "\n" : shrunk;
      b.append(shrunk.isEmpty() ? "  the trace (it replays without failing: the disagreement is"
          + " in the kernel's own view):\n" : "  the shrunk trace:\n");
      lines.lines().forEach(l -> b.append("    ").append(l).append('\n'));
      return b.toString();
    }
  }

  /** Writes the trace and its shrunk form under {@code out}; never throws for a write. */
  public static Filed file(KernelDivergence d, OutputDir out) {
    String stem = "kernel-divergence-" + d.kind().id() + "-seed" + d.seed();
    Path file = null;
    Path shrunkFile = null;
    String notWritten = null;
    try {
      file = out.write(stem, String.join("\n", d.trace()) + "\n");
    } catch (CannotWriteException e) {
      notWritten = e.getMessage();
    }
    String shrunk = shrink(d.trace());
    if (!shrunk.isEmpty() && notWritten == null) {
      try {
        shrunkFile = out.write(stem + "-shrunk", shrunk);
      } catch (CannotWriteException e) {
        notWritten = e.getMessage();
      }
    }
    return new Filed(d, file, shrunk, shrunkFile, notWritten);
  }

  /** The trace shrunk to where the model first disagrees with it, or "" when it never does. */
  static String shrink(List<String> trace) {
    List<TraceLine> lines = new ArrayList<>();
    TraceConfig config;
    Geometry g;
    Profile p;
    try (TraceReader r = new TraceReader(new StringReader(String.join("\n", trace)))) {
      config = r.config();
      g = config.geometry();
      p = config.resolvedProfile();
      r.forEachRemaining(lines::add);
    }
    StepResult first = TraceShrinker.firstFailure(g, p, BitmapPidAllocator::new, lines);
    if (first == null) {
      return "";
    }
    List<TraceLine> shrunk = TraceShrinker.shrink(g, p, BitmapPidAllocator::new,
        lines.subList(0, (int) first.index()));
    java.io.StringWriter text = new java.io.StringWriter();
    TraceWriter w = new TraceWriter(text);
    w.config(TraceConfig.of(p, g));
    shrunk.forEach(w::write);
    w.flush();
    return text.toString();
  }

  private static String pidMaxFlag(KernelDivergence d) {
    String config = d.trace().isEmpty() ? "" : d.trace().get(0);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"pid_max\":(\\d+)")
        .matcher(config);
    return m.find() ? " --pid-max " + m.group(1) : "";
  }
}
