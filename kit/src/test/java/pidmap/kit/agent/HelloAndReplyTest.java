package pidmap.kit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The hello line and the reply grammar of docs/AGENT-PROTOCOL.md. */
class HelloAndReplyTest {

  @Test
  void helloNamesVersionOperationsFeaturesAndPidMax() {
    Hello h = Hello.parse("hello protocol=1 agent=x ops=alloc,free features=set_tid,in"
        + " pid_max=32768 release=6.18");
    assertThat(h.protocol()).isEqualTo(1);
    assertThat(h.ops()).containsExactly("alloc", "free");
    assertThat(h.supports("set_tid")).isTrue();
    assertThat(h.supports("fork")).isFalse();
    assertThat(h.pidMax()).isEqualTo(32768);
    assertThat(h.name()).isEqualTo("x");
  }

  @Test
  void aHelloWithoutVersionOrOpsIsRefusedSayingWhat() {
    assertThatThrownBy(() -> Hello.parse("hello ops=alloc"))
        .hasMessage("hello: no protocol=N (this kit speaks protocol=1)");
    assertThatThrownBy(() -> Hello.parse("hello protocol=1"))
        .hasMessage("hello: no ops=... (the operations the agent supports)");
    assertThatThrownBy(() -> Hello.parse("howdy"))
        .hasMessage("the first line must start with \"hello \", got \"howdy\"");
  }

  @Test
  void answersFollowTheGrammarAndNothingElseDoes() {
    for (String ok : new String[] {"ok", "pid 300", "pid -1", "pids 305/2/1", "value 4194304",
        "errno EAGAIN"}) {
      assertThat(Reply.isAnswer(ok)).as(ok).isTrue();
    }
    for (String bad : new String[] {"OK", "pid", "pid 3 ", "pids 3/", "errno eagain", "banana",
        "error x", ""}) {
      assertThat(Reply.isAnswer(bad)).as(bad).isFalse();
    }
    assertThat(Reply.isError("error x")).isTrue();
  }
}
