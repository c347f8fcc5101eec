/*
 * The kernel agent's process level (docs/AGENT-PROTOCOL.md): every task but t1 (the agent, pid 1
 * of its namespace) is a puppet, a process or thread of its own that waits for commands in a
 * slot of memory shared by all of them (MAP_SHARED, made before the first fork) and runs each
 * with raw system calls: fork (clone3 with flags and set_tid), exit, wait4, setsid, setpgid,
 * unshare, setns, and the namespace's sysctls. The agent posts a command to the acting task's
 * slot and waits on a futex, with a bound, for it to be done; a new task fills its slot with its
 * NSpid line (its numbers from the agent's namespace down) before it waits for its first command.
 *
 * Puppets touch no libc state (no errno, no stdio): a thread made with CLONE_THREAD shares the
 * memory and the thread pointer of its parent, so only raw system calls are safe there.
 * Threads need a stack switch in the child, written for x86_64; elsewhere CLONE_THREAD is not
 * offered.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pidmap-agent.h"
#include "pidmap-tasks.h"

#define THREAD_STACK (64 * 1024)

struct slot *slots;
static int own_pid_ns = -1; /* the agent's namespace, for number_free after t1 moved */
static int t1_moved;         /* t1's children are no longer born in its own namespace */

/* ---- raw system calls, safe on a thread without its own thread pointer ------------------ */

static long sys6(long n, long a, long b, long c, long d, long e, long f) {
#if defined(__x86_64__)
  long ret;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ volatile("syscall" : "=a"(ret) : "0"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8),
                   "r"(r9) : "rcx", "r11", "memory");
  return ret;
#else
  long r = syscall(n, a, b, c, d, e, f); /* single-threaded puppets only on other machines */
  return r < 0 ? -errno : r;
#endif
}

#define SYS(n, ...) sys6_args(n, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define sys6_args(n, a, b, c, d, e, f, ...) sys6(n, (long)(a), (long)(b), (long)(c), (long)(d), \
                                                 (long)(e), (long)(f))

static void futex_wait(volatile int *w, int seen, long ms) {
  struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
  SYS(SYS_futex, w, FUTEX_WAIT, seen, ms < 0 ? NULL : &t);
}

static void futex_wake(volatile int *w) {
  SYS(SYS_futex, w, FUTEX_WAKE, 1 << 30);
}

/* ---- a puppet's life --------------------------------------------------------------------- */

static void puppet(int s);

/* Numbers from /proc/thread-self/status's NSpid line, without libc. */
static void read_nspid(struct slot *me) {
  char buf[2048];
  long fd = SYS(SYS_openat, AT_FDCWD, "/proc/thread-self/status", O_RDONLY | O_CLOEXEC);
  long n = fd < 0 ? -1 : SYS(SYS_read, fd, buf, sizeof buf - 1);
  if (fd >= 0) {
    SYS(SYS_close, fd);
  }
  me->nlevels = 0;
  if (n <= 0) {
    return;
  }
  buf[n] = '\0';
  for (long i = 0; i + 6 < n; i++) {
    if (memcmp(buf + i, "NSpid:", 6) == 0 && (i == 0 || buf[i - 1] == '\n')) {
      char *p = buf + i + 6;
      while (*p && *p != '\n' && me->nlevels < MAX_LEVELS) {
        while (*p == ' ' || *p == '\t') {
          p++;
        }
        if (*p < '0' || *p > '9') {
          break;
        }
        int v = 0;
        while (*p >= '0' && *p <= '9') {
          v = v * 10 + (*p++ - '0');
        }
        me->nspid[me->nlevels++] = v;
      }
      return;
    }
  }
}

static void born(int s) {
  read_nspid(&slots[s]);
  slots[s].born = 1;
  futex_wake(&slots[s].born);
}

static void thread_entry(long s) {
  born((int)s);
  puppet((int)s);
}

/* clone3 for a thread: the child starts on its new stack and calls thread_entry(s). */
static long clone3_thread(struct clone_args *args, long s) {
#if defined(__x86_64__)
  long ret;
  register long r12 __asm__("r12") = (long)thread_entry;
  register long r13 __asm__("r13") = s;
  __asm__ volatile("syscall\n\t"
                   "test %%rax, %%rax\n\t"
                   "jnz 1f\n\t"
                   "xor %%ebp, %%ebp\n\t"
                   "mov %%r13, %%rdi\n\t"
                   "call *%%r12\n\t"
                   "ud2\n"
                   "1:"
                   : "=a"(ret)
                   : "0"((long)SYS_clone3), "D"(args), "S"(sizeof *args), "r"(r12), "r"(r13)
                   : "rcx", "r11", "memory");
  return ret;
#else
  (void)args;
  (void)s;
  return -ENOSYS;
#endif
}

static long do_fork(struct slot *me) {
  struct slot *c = &slots[me->child];
  struct clone_args args;
  memset(&args, 0, sizeof args);
  args.flags = me->flags;
  (void)c;
  if (me->ntid > 0) {
    args.set_tid = (unsigned long long)(unsigned long)me->tids;
    args.set_tid_size = (unsigned long long)me->ntid;
  }
  int child = me->child; /* read once: the slot is shared, and the agent moves on after born */
  if (me->flags & CLONE_THREAD) {
    long stack = SYS(SYS_mmap, 0, THREAD_STACK, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack < 0) {
      return stack;
    }
    args.flags |= CLONE_VM | CLONE_SIGHAND | CLONE_FS | CLONE_FILES;
    args.stack = (unsigned long long)stack;
    args.stack_size = THREAD_STACK;
    long r = clone3_thread(&args, child);
    if (r < 0) {
      SYS(SYS_munmap, stack, THREAD_STACK);
    }
    return r;
  }
  args.exit_signal = SIGCHLD;
  long r = SYS(SYS_clone3, &args, sizeof args);
  if (r == 0) { /* the child: a copy of this process */
    born(child);
    puppet(child);
  }
  return r;
}

static long write_file(const char *path, long value) {
  char text[24];
  int len = 0;
  char digits[24];
  int nd = 0;
  unsigned long v = value < 0 ? (unsigned long)-value : (unsigned long)value;
  do {
    digits[nd++] = (char)('0' + v % 10);
    v /= 10;
  } while (v > 0);
  if (value < 0) {
    text[len++] = '-';
  }
  while (nd > 0) {
    text[len++] = digits[--nd];
  }
  text[len++] = '\n';
  long fd = SYS(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return fd;
  }
  long n = SYS(SYS_write, fd, text, len);
  SYS(SYS_close, fd);
  return n == len ? 0 : (n < 0 ? n : -EIO);
}

static long read_file(const char *path) {
  char text[32];
  long fd = SYS(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return fd;
  }
  long n = SYS(SYS_read, fd, text, sizeof text - 1);
  SYS(SYS_close, fd);
  long v = 0;
  for (long i = 0; i < n && text[i] >= '0' && text[i] <= '9'; i++) {
    v = v * 10 + (text[i] - '0');
  }
  return n <= 0 ? -EIO : v;
}

/* Runs the slot's command as the task it belongs to; the result, or -errno. */
static long execute(struct slot *me) {
  switch (me->cmd) {
    case CMD_FORK:
      return do_fork(me);
    case CMD_WAIT: {
      int status;
      return SYS(SYS_wait4, me->a, &status, WNOHANG, 0);
    }
    case CMD_SETSID:
      return SYS(SYS_setsid, 0);
    case CMD_SETPGID:
      return SYS(SYS_setpgid, me->a, me->b);
    case CMD_UNSHARE:
      return SYS(SYS_unshare, CLONE_NEWPID);
    case CMD_SETNS: {
      long fd = SYS(SYS_openat, AT_FDCWD, me->path, O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        return fd;
      }
      long r = SYS(SYS_setns, fd, CLONE_NEWPID);
      SYS(SYS_close, fd);
      return r;
    }
    case CMD_WRITE:
      return write_file(me->path, me->a);
    case CMD_READ:
      return read_file(me->path);
    case CMD_KILL0:
      return SYS(SYS_kill, me->a, 0);
    case CMD_GETPGID:
      return SYS(SYS_getpgid, me->a);
    case CMD_GETSID:
      return SYS(SYS_getsid, me->a);
    default:
      return -EINVAL;
  }
}

static void puppet(int s) {
  struct slot *me = &slots[s];
  int seen = 0; /* the agent may post the first command before this line runs */
  for (;;) {
    while (me->req == seen) {
      futex_wait(&me->req, seen, -1);
    }
    seen = me->req;
    if (me->cmd == CMD_EXIT) {
      SYS(me->thread ? SYS_exit : SYS_exit_group, 0);
    }
    me->result = execute(me);
    me->done = seen;
    futex_wake(&me->done);
  }
}

/* ---- the agent's side -------------------------------------------------------------------- */

void tasks_init(void) {
  slots = mmap(NULL, sizeof(struct slot) * MAX_TASKS, PROT_READ | PROT_WRITE,
               MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (slots == MAP_FAILED) {
    slots = NULL;
    return;
  }
  slots[0].used = 1; /* t1: the agent itself, pid 1 of its namespace */
  strcpy(slots[0].name, "t1");
  slots[0].nlevels = 1;
  slots[0].nspid[0] = 1;
  record_namespaces(0);
  own_pid_ns = open("/proc/self/ns/pid", O_RDONLY | O_CLOEXEC);
}

/* Posts the exit command; the puppet calls exit (a thread) or exit_group and never answers. */
void post_exit(int t) {
  struct slot *ts = &slots[t];
  ts->cmd = CMD_EXIT;
  __sync_synchronize();
  ts->req++;
  futex_wake(&ts->req);
}

int find(const char *name) {
  for (int i = 0; i < MAX_TASKS; i++) {
    if (slots[i].used && strcmp(slots[i].name, name) == 0) {
      return i;
    }
  }
  return -1;
}

long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Runs the command already in slot s as task s: the agent itself for t1, else its puppet. */
long run_as(int s, int cmd) {
  struct slot *t = &slots[s];
  t->cmd = cmd;
  if (s == 0) {
    return execute(t);
  }
  int seq = t->req + 1;
  __sync_synchronize();
  t->req = seq;
  futex_wake(&t->req);
  long deadline = now_ms() + REPLY_MS;
  for (;;) {
    int d = t->done;
    if (d == seq) {
      return t->result;
    }
    long left = deadline - now_ms();
    if (left <= 0) {
      return -ETIMEDOUT;
    }
    futex_wait(&t->done, d, left);
  }
}

/*
 * Whether number nr of the agent's namespace is free, asked without taking it: a clone3 that
 * requests nr with set_tid and then fails on purpose (CLONE_PIDFD with an unwritable pidfd
 * address: EFAULT, which the kernel checks after it took the number and gives back at once).
 * EEXIST means taken. set_tid does not move the cursor, so nothing changes either way.
 */
int number_free(int nr) {
  int tid = nr;
  struct clone_args args;
  memset(&args, 0, sizeof args);
  args.flags = CLONE_VM | CLONE_PIDFD;
  args.pidfd = 1; /* not a writable address */
  args.exit_signal = SIGCHLD;
  args.set_tid = (unsigned long long)(unsigned long)&tid;
  args.set_tid_size = 1;
  /* After t1 unshared or entered another namespace its children are born there: ask from the
   * agent's own namespace, then go back to where t1's children are born. */
  int back = t1_moved ? open("/proc/self/ns/pid_for_children", O_RDONLY | O_CLOEXEC) : -1;
  if (back >= 0 && setns(own_pid_ns, CLONE_NEWPID) != 0) {
    close(back);
    return -1;
  }
  long r = SYS(SYS_clone3, &args, sizeof args);
  if (back >= 0) {
    int err = setns(back, CLONE_NEWPID);
    close(back);
    if (err != 0) {
      return -1;
    }
  }
  return r == -EFAULT ? 1 : r == -EEXIST ? 0 : -1;
}

void reply_result(long r, int as_pid) {
  if (r == -ETIMEDOUT) {
    reply("error the task did not answer within %d ms", REPLY_MS);
  } else if (r < 0) {
    reply("errno %s", errno_name((int)-r));
  } else if (as_pid) {
    reply("pid %ld", r);
  } else {
    reply("ok");
  }
}

static int new_slot(const char *name) {
  for (int i = 1; i < MAX_TASKS; i++) {
    if (!slots[i].used) {
      memset(&slots[i], 0, sizeof slots[i]);
      snprintf(slots[i].name, sizeof slots[i].name, "%s", name);
      return i;
    }
  }
  return -1;
}

static void fork_request(int argc, char **argv) {
  if (argc < 3 || find(argv[1]) >= 0) {
    reply("error fork needs a new task's name and a live parent");
    return;
  }
  int p = find(argv[2]);
  if (p < 0 || slots[p].zombie) {
    reply("error no live task %s", argv[2]);
    return;
  }
  struct slot *ps = &slots[p];
  ps->flags = 0;
  ps->ntid = 0;
  int thread = 0;
  for (int i = 3; i < argc; i++) {
    if (strncmp(argv[i], "flags=", 6) == 0) {
      char *f = argv[i] + 6;
      while (*f) {
        size_t len = strcspn(f, "|");
        if (len == 12 && strncmp(f, "CLONE_NEWPID", len) == 0) {
          ps->flags |= CLONE_NEWPID;
        } else if (len == 12 && strncmp(f, "CLONE_THREAD", len) == 0) {
          ps->flags |= CLONE_THREAD;
          thread = 1;
        } else if (len == 12 && strncmp(f, "CLONE_PARENT", len) == 0) {
          ps->flags |= CLONE_PARENT;
        } else {
          reply("error unknown flag %.*s", (int)len, f);
          return;
        }
        f += len + (f[len] == '|');
      }
    } else if (strncmp(argv[i], "set_tid=", 8) == 0) {
      for (char *t = argv[i] + 8; *t && ps->ntid < MAX_LEVELS; t += (*t == ',')) {
        ps->tids[ps->ntid++] = (int)strtol(t, &t, 10);
      }
    } else {
      reply("error fork takes flags= and set_tid=, not %s", argv[i]);
      return;
    }
  }
  int c = new_slot(argv[1]);
  if (c < 0) {
    reply("error no slot left for a task");
    return;
  }
  slots[c].thread = thread;
  slots[c].leader = thread ? ps->leader : c;
  ps->child = c;
  long r = run_as(p, CMD_FORK);
  if (r < 0) {
    reply_result(r, 0);
    return;
  }
  long deadline = now_ms() + REPLY_MS;
  while (!slots[c].born && now_ms() < deadline) {
    futex_wait(&slots[c].born, 0, deadline - now_ms());
  }
  if (!slots[c].born || slots[c].nlevels == 0) {
    reply("error the new task %s did not report its numbers", argv[1]);
    return;
  }
  slots[c].used = 1;
  record_namespaces(c);
  char out[400];
  size_t len = 0;
  for (int i = 0; i < slots[c].nlevels && len < sizeof out - 16; i++) {
    len += (size_t)snprintf(out + len, sizeof out - len, "%s%d", i ? "/" : "", slots[c].nspid[i]);
  }
  reply("pids %s", out);
}

static void sysctl(int t, const char *verb, const char *arg) {
  struct slot *ts = &slots[t];
  int last = strstr(verb, "last") != NULL;
  snprintf(ts->path, sizeof ts->path, "/proc/sys/kernel/%s", last ? "ns_last_pid" : "pid_max");
  if (strncmp(verb, "get_", 4) == 0) {
    long r = run_as(t, CMD_READ);
    if (r < 0) {
      reply_result(r, 0);
    } else {
      reply("value %ld", r);
    }
    return;
  }
  ts->a = arg != NULL ? strtol(arg, NULL, 10) : 0;
  reply_result(run_as(t, CMD_WRITE), 0);
}

int tasks_handle(const char *line) {
  char copy[512], *argv[40];
  int argc = 0;
  snprintf(copy, sizeof copy, "%s", line);
  for (char *w = strtok(copy, " \t"); w != NULL && argc < 40; w = strtok(NULL, " \t")) {
    argv[argc++] = w;
  }
  if (argc == 0 || slots == NULL) {
    return 0;
  }
  const char *v = argv[0];
  const char *in = NULL;
  for (int i = 1; i < argc; i++) {
    if (strncmp(argv[i], "in=", 3) == 0) {
      in = argv[i] + 3;
    }
  }
  if (strncmp(v, "set_", 4) == 0 || strncmp(v, "get_", 4) == 0) {
    if (in == NULL) {
      return 0; /* the allocator level: the agent's own namespace */
    }
    int t = find(in);
    if (t < 0 || slots[t].zombie) {
      reply("error no live task %s", in);
    } else {
      sysctl(t, v, argv[1][0] == 'i' ? NULL : argv[1]);
    }
    return 1;
  }
  if (strcmp(v, "fork") == 0) {
    fork_request(argc, argv);
    return 1;
  }
  int known = strcmp(v, "exit") == 0 || strcmp(v, "reap") == 0 || strcmp(v, "setsid") == 0
              || strcmp(v, "setpgid") == 0 || strcmp(v, "unshare") == 0
              || strcmp(v, "setns") == 0 || strcmp(v, "kill") == 0
              || strcmp(v, "getpgid") == 0 || strcmp(v, "getsid") == 0;
  if (!known) {
    return 0;
  }
  int t = argc > 1 ? find(argv[1]) : -1;
  if (t < 0 || slots[t].zombie) {
    reply("error no live task %s", argc > 1 ? argv[1] : "(none)");
    return 1;
  }
  if (strcmp(v, "exit") == 0) {
    do_exit(t);
  } else if (strcmp(v, "reap") == 0 && argc == 3) {
    do_reap(t, find(argv[2]));
  } else if (strcmp(v, "setsid") == 0) {
    reply_result(run_as(t, CMD_SETSID), 1);
  } else if (strcmp(v, "setpgid") == 0 && argc == 4) {
    slots[t].a = strtol(argv[2], NULL, 10);
    slots[t].b = strtol(argv[3], NULL, 10);
    reply_result(run_as(t, CMD_SETPGID), 0);
  } else if (strcmp(v, "unshare") == 0) {
    long r = run_as(t, CMD_UNSHARE);
    t1_moved |= t == 0 && r == 0;
    reply_result(r, 0);
  } else if (strcmp(v, "setns") == 0 && (argc == 3 || (argc == 4 && strcmp(argv[3], "children") == 0))) {
    int x = find(argv[2]);
    if (x < 0 || (argc == 4 && slots[x].zombie)) {
      reply("error no %stask %s", argc == 4 ? "live " : "", argv[2]);
      return 1;
    }
    /* X's active namespace (ns/pid: a zombie's too), or where X's children are born */
    snprintf(slots[t].path, sizeof slots[t].path, "/proc/%d/ns/%s", slots[x].nspid[0],
             argc == 4 ? "pid_for_children" : "pid");
    long r = run_as(t, CMD_SETNS);
    t1_moved |= t == 0 && r == 0;
    reply_result(r, 0);
  } else if ((strcmp(v, "kill") == 0 || strcmp(v, "getpgid") == 0 || strcmp(v, "getsid") == 0)
             && argc == 3) {
    /* kill(N, 0), getpgid(N), getsid(N) from inside T's namespace: N as T sees it */
    char *end;
    slots[t].a = strtol(argv[2], &end, 10);
    if (*end != '\0' || slots[t].a < 1) {
      reply("error %s takes a number of 1 or more, not %s", v, argv[2]);
      return 1;
    }
    int cmd = v[0] == 'k' ? CMD_KILL0 : v[3] == 'p' ? CMD_GETPGID : CMD_GETSID;
    reply_result(run_as(t, cmd), cmd != CMD_KILL0);
  } else {
    reply("error bad arguments: %.64s", line);
  }
  return 1;
}
