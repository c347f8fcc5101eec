package pidmap.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * Each profile's brute-force scan against the model, a separate rendition of the same rule (the
 * model states it as candidate ranges, the scans run the kernel's loops): on tiny geometries,
 * every allocated set, every pid_max and every last_pid up to pid_max_limit, the pid the scan
 * takes is the model's alloc answer, and the pages the model installs are the scan's pages it
 * did not have. This reaches the states where a loop bound is off by one: a ring full but for
 * last_pid itself, pid_max a whole number of pages, last_pid at a page's first or last pid.
 */
class ScansAgainstTheModelTest {

  private static void everyState(Geometry g, Profile profile) {
    int limit = g.pidMaxLimit();
    int pages = g.pidmapEntries();
    for (int bits = 0; bits < 1 << (limit - 1); bits++) {
      BitSet taken = new BitSet();
      taken.set(0);
      for (int pid = 1; pid < limit; pid++) {
        if ((bits >> (pid - 1) & 1) != 0) {
          taken.set(pid);
        }
      }
      BitSet installed = new BitSet();
      installed.set(0);
      for (int pid = taken.nextSetBit(0); pid >= 0; pid = taken.nextSetBit(pid + 1)) {
        installed.set(g.pageOf(pid));
      }
      for (int pidMax = g.pidMaxMin(); pidMax <= limit; pidMax++) {
        for (int last = 0; last <= limit; last++) {
          SearchScan scan = SearchScan.of(profile, g, taken, last, pidMax);
          ModelPidAllocator model =
              ModelPidAllocator.at(g, profile, taken, installed, last, pidMax);
          String state = profile + " " + g.label() + " taken " + taken + " last_pid " + last
              + " pid_max " + pidMax;
          assertThat(scan.pid()).as(state).isEqualTo(model.alloc());
          for (int p = 0; p < pages; p++) {
            boolean fresh = model.pageInstalled(p) && !installed.get(p);
            assertThat(fresh).as(state + " page " + p)
                .isEqualTo(scan.passes(p) && !installed.get(p));
          }
        }
      }
    }
  }

  @Test
  void theSeedLoopTakesWhatTheModelTakesInEveryStateOfTwoPagesOfFour() {
    everyState(new Geometry(4, 1, 8, 8), Profile.LINUX_2_6_24);
    everyState(new Geometry(4, 2, 8, 8), Profile.LINUX_2_6_24);
  }

  @Test
  void theSeedLoopTakesWhatTheModelTakesInEveryStateOfThreePagesOfFour() {
    everyState(new Geometry(4, 2, 12, 12), Profile.LINUX_2_6_24);
  }

  @Test
  void theCyclicSearchTakesWhatTheModelTakesInEveryStateOfThreePagesOfFour() {
    everyState(new Geometry(4, 2, 12, 12), Profile.LINUX_6);
  }
}
