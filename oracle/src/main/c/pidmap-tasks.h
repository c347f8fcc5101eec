/* What the kernel agent's process level shares between pidmap-tasks.c (puppets and requests)
 * and pidmap-exits.c (exit, reap, and waiting until the kernel's state has settled). */
#ifndef PIDMAP_TASKS_H
#define PIDMAP_TASKS_H

#define MAX_TASKS 2048
#define MAX_LEVELS 33
#define REPLY_MS 3000 /* a puppet that takes longer is reported as an agent error */

enum { CMD_FORK = 1, CMD_EXIT, CMD_WAIT, CMD_SETSID, CMD_SETPGID, CMD_UNSHARE, CMD_SETNS,
       CMD_WRITE, CMD_READ, CMD_KILL0, CMD_GETPGID, CMD_GETSID };

/* One task of the process level, in memory shared by the agent and every puppet. */
struct slot {
  volatile int req, done, born; /* futex words */
  int used;    /* the name is taken: the task is running, exiting or a zombie */
  int thread;  /* made with CLONE_THREAD: released by its own exit, never a zombie */
  int zombie;  /* not running: it exited (a zombie, or an init waiting in its zap) */
  int exiting; /* a namespace's init whose exit waits for the rest of its namespace */
  int leader;  /* the slot of its thread group's leader (itself for a process) */
  int cmd, child;
  unsigned long long flags;
  long a, b;
  int ntid, tids[MAX_LEVELS];
  char path[96];
  long result;
  int nlevels, nspid[MAX_LEVELS];
  int nchain;                            /* its active namespace, then each ancestor up to */
  unsigned long long chain[MAX_LEVELS];  /* the agent's: their inode numbers */
  char name[24];
};

extern struct slot *slots;

int find(const char *name);
long now_ms(void);
/* Runs the command already in slot s as task s: the agent itself for t1, else its puppet. */
long run_as(int s, int cmd);
void reply_result(long r, int as_pid);
/* Whether number nr of the agent's namespace is free (1), taken (0), or unknown (-1). */
int number_free(int nr);
/* Posts the exit command to task t's puppet without waiting for an answer. */
void post_exit(int t);

/* pidmap-exits.c */
void record_namespaces(int s);
void do_exit(int t);
void do_reap(int p, int c);

#endif
