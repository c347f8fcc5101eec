package pidmap.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG plots of a JMH run, drawn with XChart: alloc+free ns/op by fill level (one thread), and
 * ns/op by thread count at each fill level the two-thread benchmark ran. The y axis is
 * logarithmic because the model and the skip list are orders of magnitude slower; error bars are
 * in the table, not the plots.
 *
 * <p>Stateless and thread-safe (each call draws its own charts); needs java.awt (headless is
 * enough).
 */
public final class Plots {
  private Plots() {}

  /** Writes every plot into {@code dir}; answers the file names written. */
  public static List<String> write(List<BenchResult> results, Path dir) throws IOException {
    List<String> written = new ArrayList<>();
    XYChart byFill = chart("alloc+free, 1 thread, pid_max 32768", "fill level (% of pid_max)");
    for (String impl : Table.columns(results)) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (String fill : fills(results, Targets.ST)) {
        Targets.find(results, Targets.ST, fill, impl).ifPresent(r -> {
          xs.add(Double.parseDouble(fill));
          ys.add(r.score());
        });
      }
      add(byFill, impl, xs, ys);
    }
    written.add(save(byFill, dir, "perf-fill.png"));
    for (String fill : fills(results, Targets.MT)) {
      XYChart byThreads = chart("alloc+free, fill " + fill + "% of pid_max 32768", "threads");
      for (String impl : Table.columns(results)) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (String bench : List.of(Targets.ST, Targets.MT)) {
          Optional<BenchResult> r = Targets.find(results, bench, fill, impl);
          r.ifPresent(x -> {
            xs.add((double) x.threads());
            ys.add(x.score());
          });
        }
        add(byThreads, impl, xs, ys);
      }
      written.add(save(byThreads, dir, "perf-threads-fill" + fill + ".png"));
    }
    return written;
  }

  /** The fill levels a benchmark ran at, in increasing order. */
  static List<String> fills(List<BenchResult> results, String bench) {
    TreeSet<Integer> fills = new TreeSet<>();
    results.stream().filter(r -> r.benchmark().equals(bench))
        .forEach(r -> fills.add(Integer.parseInt(r.params().getOrDefault("fillPercent", "0"))));
    return fills.stream().map(String::valueOf).toList();
  }

  private static XYChart chart(String title, String xTitle) {
    XYChart c = new XYChartBuilder().width(800).height(500).title(title)
        .xAxisTitle(xTitle).yAxisTitle("ns per operation (log scale)").build();
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    return c;
  }

  /** One fixed colour per implementation, so that every plot reads the same way. */
  static final Map<String, Color> COLOURS = Map.of(
      "model", new Color(0x1f77b4), "impl", new Color(0xd62728), "impl-cas", new Color(0xff9896),
      "bitset-sync", new Color(0x2ca02c), "skiplist", new Color(0x9467bd),
      "floor+vstore", new Color(0x7f7f7f), "floor", Color.BLACK, "floor-bits", new Color(0xbcbd22));

  private static void add(XYChart c, String name, List<Double> xs, List<Double> ys) {
    if (!xs.isEmpty()) {
      XYSeries s = c.addSeries(name, xs, ys);
      s.setMarker(SeriesMarkers.CIRCLE);
      Color colour = COLOURS.get(name);
      if (colour != null) {
        s.setLineColor(colour);
        s.setMarkerColor(colour);
      }
    }
  }

  private static String save(XYChart c, Path dir, String file) throws IOException {
    BitmapEncoder.saveBitmap(c, dir.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }
}
