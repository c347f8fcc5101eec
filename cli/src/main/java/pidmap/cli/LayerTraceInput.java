package pidmap.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pidmap.engine.layer.LayerReplay;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Profile;
import pidmap.spec.pid.LayerConfig;
import pidmap.trace.CannotWriteException;
import pidmap.trace.OutputDir;
import pidmap.trace.layer.LayerTraceFile;

/**
 * Lets {@code replay} and {@code shrink} take a pid-layer trace (its first line is a
 * {@code layer_config} line, {@link LayerTraceFile}) as well as an allocator trace: it reads the
 * first line, and when that is not a layer trace hands the input on unread, so an allocator
 * trace on standard input still streams. A layer trace is read whole (they are short). Only
 * {@code --profile} applies to a layer trace; the other geometry flags are refused. Not
 * thread-safe.
 */
final class LayerTraceInput {
  private final String name;
  private final InputStream rest;
  private final LayerTraceFile.Trace trace;

  private LayerTraceInput(String name, InputStream rest, LayerTraceFile.Trace trace) {
    this.name = name;
    this.rest = rest;
    this.trace = trace;
  }

  /** Peeks at {@code file} ({@code -}: standard input). */
  static LayerTraceInput peek(String file, InputStream stdin) {
    try {
      if (file.equals("-")) {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        int b;
        while ((b = stdin.read()) != -1) {
          first.write(b);
          if (b == '\n' && !lastLine(first).isEmpty()) {
            break;
          }
        }
        String head = lastLine(first).replace("\uFEFF", "");
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(first.toByteArray()),
            stdin);
        if (!LayerTraceFile.isLayerTrace(head.strip())) {
          return new LayerTraceInput("stdin", all, null);
        }
        String text = new String(all.readAllBytes(), StandardCharsets.UTF_8);
        return new LayerTraceInput("stdin", null, LayerTraceFile.parse(text.lines().toList()));
      }
      Path path = Path.of(file);
      if (!Files.isRegularFile(path)) {
        return new LayerTraceInput(file, stdin, null); // TraceInput says what is wrong
      }
      if (!LayerTraceFile.isLayerTrace(head(path))) {
        return new LayerTraceInput(file, stdin, null);
      }
      return new LayerTraceInput(file, null,
          LayerTraceFile.parse(Files.readAllLines(path, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first line of {@code path} that is not skipped, from its first 64 KiB decoded leniently
   * (a layer_config line is short; bytes that are not UTF-8 are the allocator reader's to
   * report), without a byte order mark; "" when there is none.
   */
  private static String head(Path path) throws IOException {
    byte[] start;
    try (InputStream in = Files.newInputStream(path)) {
      start = in.readNBytes(1 << 16);
    }
    String text = new String(start, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.lines().filter(l -> !LayerTraceFile.skipped(l)).findFirst().orElse("").strip();
  }

  /** The last line read so far, unless it is blank or a comment (then empty). */
  private static String lastLine(ByteArrayOutputStream read) {
    String[] lines = read.toString(StandardCharsets.UTF_8).split("\n");
    String last = lines.length == 0 ? "" : lines[lines.length - 1];
    return LayerTraceFile.skipped(last) ? "" : last.strip();
  }

  boolean isLayer() {
    return trace != null;
  }

  /** For an allocator trace: standard input with the peeked line put back. */
  InputStream stdin() {
    return rest;
  }

  /** The trace's config with {@code --profile} folded in; refuses the other geometry flags. */
  LayerConfig config(GeometryOptions flags) {
    if (flags.pidMax != null || flags.bitsPerPage != null || flags.reserved != null
        || flags.pidMaxLimit != null) {
      throw new BadInputException("a layer trace takes only --profile: its layer_config line sets"
          + " bits_per_page, reserved, pid_max_limit and pid_max");
    }
    LayerConfig c = trace.config();
    if (flags.profile == null) {
      return c;
    }
    return new LayerConfig(c.geometry(), Profile.byId(flags.profile), c.nrKernelPages(),
        c.pidMaxByLevel().isEmpty() ? List.of() : List.of(c.bootPidMax()));
  }

  /** replay: every step, the first failure and a file that replays it; exit 0 or 1. */
  int replay(GeometryOptions flags, boolean quiet, PrintWriter out, OutputDir dir) {
    LayerConfig config = config(flags);
    long expects = trace.lines().stream().filter(l -> l.expect() != null).count();
    long start = System.nanoTime();
    LayerReplay.Outcome o = LayerReplay.run(config, ImplPidLayer::new, trace.lines(), s -> {
      if (!quiet || s.failure() != null) {
        out.println("line " + s.line() + ": " + s.op() + " -> " + s.answer()
            + (s.failure() == null ? "" : "   FAILS"));
      }
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!o.ok()) {
      List<LayerTraceFile.Line> prefix = new ArrayList<>();
      for (LayerTraceFile.Line l : trace.lines()) {
        prefix.add(l);
        if (l.line() == o.failingLine()) {
          break;
        }
      }
      out.println("step " + o.failure().step() + " (line " + o.failingLine() + " of " + name
          + ") fails: " + o.failure().message());
      try {
        Path file = write(config, prefix, dir.newFile("layer-prefix-"
            + ReplayCommand.stem(name) + "-line" + o.failingLine()));
        out.println("replay it: ./pidmap replay " + file);
      } catch (CannotWriteException e) {
        out.println("replay it: not written: " + e.getMessage());
      }
      return Main.FAILS;
    }
    out.printf("%d layer steps conform (%d expects met), profile %s, %s: %.0f steps/s%n",
        o.steps(), expects, config.profile().id(), config.label(),
        o.steps() / Math.max(seconds, 1e-9));
    return Main.CONFORMS;
  }

  /** shrink: the fewest lines that fail the same way, printed as a layer trace; exit 0 or 1. */
  int shrink(GeometryOptions flags, PrintWriter out, PrintWriter err) {
    LayerConfig config = config(flags);
    List<LayerTraceFile.Line> shrunk = LayerReplay.shrink(config, ImplPidLayer::new,
        trace.lines());
    if (shrunk == null) {
      err.println("nothing to shrink: every step of " + name + " conforms");
      return Main.CONFORMS;
    }
    out.println(LayerTraceFile.configLine(config));
    shrunk.forEach(l -> out.println(LayerTraceFile.line(l.op(), l.expect())));
    out.flush();
    LayerReplay.Outcome o = LayerReplay.run(config, ImplPidLayer::new, shrunk, s -> { });
    err.println("shrunk " + trace.lines().size() + " lines to " + shrunk.size() + "; the last"
        + " fails: " + o.failure().message());
    return Main.FAILS;
  }

  /** Writes a layer trace file: the config line, then the lines with their expects. */
  static Path write(LayerConfig config, List<LayerTraceFile.Line> lines, Path file) {
    List<String> text = new ArrayList<>();
    text.add(LayerTraceFile.configLine(config));
    lines.forEach(l -> text.add(LayerTraceFile.line(l.op(), l.expect())));
    try {
      return Files.write(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CannotWriteException("cannot write " + file + ": " + OutputDir.reason(e));
    }
  }
}
