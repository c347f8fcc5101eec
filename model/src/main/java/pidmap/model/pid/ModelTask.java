package pidmap.model.pid;

import pidmap.spec.pid.Task;

/** The model's task: an identity and a usage count; its links live in the layer's maps. Not thread-safe. */
final class ModelTask implements Task {
  final int serial;
  int usage = 1;

  ModelTask(int serial) {
    this.serial = serial;
  }

  @Override
  public int serial() {
    return serial;
  }

  @Override
  public int usage() {
    return usage;
  }

  @Override
  public String toString() {
    return describe();
  }
}
