package pidmap.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The suite's JMH settings, inherited by every benchmark class (JMH reads these annotations
 * through the superclass): average time in ns per operation, 3 forks, 5 warmup and 5 measured
 * iterations of 1 s. {@code ./pidmap bench --quick} overrides them on the command line.
 *
 * <p>Holds no state; thread-safety is each subclass's to state.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class SuiteDefaults {}
