package pidmap.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeometryTest {

  @Test
  void kernelValuesAreTheDefault() {
    assertThat(Geometry.KERNEL.bitsPerPage()).isEqualTo(32768);
    assertThat(Geometry.KERNEL.reservedPids()).isEqualTo(300);
    assertThat(Geometry.KERNEL.pidMaxLimit()).isEqualTo(4194304);
    assertThat(Geometry.KERNEL.defaultPidMax()).isEqualTo(32768);
    assertThat(Geometry.KERNEL.pidMaxMin()).isEqualTo(301);
    assertThat(Geometry.KERNEL.pidmapEntries()).isEqualTo(128);
  }

  @Test
  void smallGeometryCoversPidMaxWithWholePages() {
    Geometry g = Geometry.small(4, 2, 14);
    assertThat(g.pidMaxLimit()).isEqualTo(16);
    assertThat(g.pidmapEntries()).isEqualTo(4);
    assertThat(g.pageOf(13)).isEqualTo(3);
    assertThat(g.pageMask()).isEqualTo(3);
  }

  @Test
  void bitsPerPageMustBeAPowerOfTwoInRange() {
    assertThatThrownBy(() -> new Geometry(6, 2, 16, 14))
        .isInstanceOf(PidmapException.class)
        .hasMessage("bits_per_page: 6 (expected: a power of two in [4, 32768])");
    assertThatThrownBy(() -> new Geometry(2, 1, 16, 14))
        .hasMessage("bits_per_page: 2 (expected: a power of two in [4, 32768])");
    assertThatThrownBy(() -> new Geometry(65536, 300, 4194304, 32768))
        .hasMessage("bits_per_page: 65536 (expected: a power of two in [4, 32768])");
  }

  @Test
  void reservedMustBePositiveAndInsidePageZero() {
    assertThatThrownBy(() -> new Geometry(4, 0, 16, 14))
        .hasMessage("reserved: 0 (expected: 1 <= reserved < bits_per_page = 4)");
    assertThatThrownBy(() -> new Geometry(4, 4, 16, 14))
        .hasMessage("reserved: 4 (expected: 1 <= reserved < bits_per_page = 4)");
  }

  @Test
  void limitsAreBounded() {
    assertThatThrownBy(() -> new Geometry(4, 2, 2, 3))
        .hasMessage("pid_max_limit: 2 (expected: reserved + 1 = 3 <= pid_max_limit <= 4194304)");
    assertThatThrownBy(() -> new Geometry(32768, 300, 4194305, 32768))
        .hasMessage(
            "pid_max_limit: 4194305 (expected: reserved + 1 = 301 <= pid_max_limit <= 4194304)");
    assertThatThrownBy(() -> new Geometry(4, 2, 16, 17))
        .hasMessage("pid_max: 17 (expected: pid_max_min = 3 <= pid_max <= pid_max_limit = 16)");
    assertThatThrownBy(() -> new Geometry(4, 2, 16, 2))
        .hasMessage("pid_max: 2 (expected: pid_max_min = 3 <= pid_max <= pid_max_limit = 16)");
  }

  @Test
  void unknownProfileIsRefusedListingTheKnownOnes() {
    assertThat(Profile.byId("linux-2.6.24")).isEqualTo(Profile.LINUX_2_6_24);
    assertThatThrownBy(() -> Profile.byId("linux-2.4"))
        .isInstanceOf(PidmapException.class)
        .hasMessageStartingWith("profile: linux-2.4 (expected: one of linux-2.6.24");
  }
}
