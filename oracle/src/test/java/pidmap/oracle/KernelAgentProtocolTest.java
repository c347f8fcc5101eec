package pidmap.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import pidmap.trace.Expect;
import pidmap.trace.Op;

/** The agent's line protocol as the Java side reads and writes it; no kernel needed. */
class KernelAgentProtocolTest {

  @Test
  void helloLineIsRead() {
    KernelAgent.Hello h = KernelAgent.parseHello("hello protocol=1 agent=linux-kernel"
        + " ops=alloc,free features=in pid=1 pid_max=4194304 last=1"
        + " pid_max_per_ns=yes pid_max_writable=no:EPERM release=6.18.44-fc-v657");
    assertThat(h).isEqualTo(
        new KernelAgent.Hello(1, 4194304, 1, true, false, "6.18.44-fc-v657"));
  }

  @Test
  void requestsUseTheTraceVocabulary() {
    assertThat(KernelAgent.request(Op.alloc())).isEqualTo("alloc");
    assertThat(KernelAgent.request(Op.free(301))).isEqualTo("free 301");
    assertThat(KernelAgent.request(Op.setLast(299))).isEqualTo("set_last 299");
    assertThat(KernelAgent.request(Op.setPidMax(320))).isEqualTo("set_pid_max 320");
    assertThat(KernelAgent.request(Op.next(0))).isEqualTo("next 0");
  }

  @Test
  void repliesBecomeExpects() throws IOException {
    assertThat(KernelAgent.toExpect("pid 300")).isEqualTo(Expect.pid(300));
    assertThat(KernelAgent.toExpect("pid -1")).isEqualTo(Expect.pid(-1));
    assertThat(KernelAgent.toExpect("errno EAGAIN")).isEqualTo(Expect.named("EAGAIN"));
    assertThat(KernelAgent.toExpect("errno EINVAL").toString()).isEqualTo(Expect.REFUSED);
    assertThat(KernelAgent.toExpect("ok")).isEqualTo(Expect.named("ok"));
  }

  @Test
  void anAgentErrorIsNotAnAnswer() {
    assertThatThrownBy(() -> KernelAgent.toExpect("error not-held 42"))
        .isInstanceOf(IOException.class)
        .hasMessage("the kernel agent failed: error not-held 42");
  }

  @Test
  void traceLinesCarryTheKernelsAnswer() {
    assertThat(KernelTraceLines.step(Op.free(7), Expect.named("ok")))
        .isEqualTo("{\"op\":\"free\",\"pid\":7,\"expect\":\"ok\"}");
    assertThat(KernelTraceLines.config(310)).isEqualTo("{\"op\":\"config\",\"profile\":\"linux-6\","
        + "\"pid_max\":310,\"bits_per_page\":32768,\"reserved\":300,\"pid_max_limit\":4194304}");
  }
}
