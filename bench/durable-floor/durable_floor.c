// durable_floor.c — what this machine allows for issue 3's latency target, without .NET.
//
// The durable pipeline's bare skeleton, in C, with the same load shape as `exchange bench-durable --part latency`:
// a producer sends 1,000,000 records of 220 bytes at 100,000/s in ~1 ms bursts; a journal thread lingers until the
// burst ends (5 µs quiet, at most 100 µs), writes the batch with one pwrite into a fallocated file and calls
// fdatasync; an acknowledging thread stamps each record once it is durable. With "full", the two other threads
// of the real pipeline run too: an engine thread that spends 150 ns on each record as it arrives (the acknowledger
// also waits for it), and a snapshot thread that wakes every millisecond and spends 150 ns on each durable record.
// Hand-offs sleep on condition variables (futexes), as the pipeline's blocking wait strategy does.
//
// It prints the disk's closed-loop probe first (2,000 × 4 KiB write + fdatasync into a fallocated file, as the
// benchmark's "disk fdatasync, allocated" line), then p99 acknowledgement latency as a multiple of that probe's p99
// and of the run's own fdatasync p99.
//
// Build and run (not part of the build or CI; a reference measurement, see docs/benchmarks.md):
//   gcc -O2 -pthread -o /tmp/durable_floor bench/durable-floor/durable_floor.c
//   /tmp/durable_floor [DIR] [full]        (DIR: where to write, default /tmp)
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RECORDS 1000000
#define RECORD_BYTES 220
#define RATE 100000
#define PROBES 2000
#define MAX_FLUSHES 200000

static double now_us(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3; }
static void busy_ns(double ns) { double end = now_us() + ns / 1000.0; while (now_us() < end) { } }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
static double pct(double *v, long n, double p) { return v[(long)(n * p / 100.0)]; }

// A sequence other threads sleep on until it reaches a value.
typedef struct { _Atomic long value; atomic_int sleepers; pthread_mutex_t lock; pthread_cond_t moved; } seq_t;
static void seq_init(seq_t *s) { s->value = -1; s->sleepers = 0; pthread_mutex_init(&s->lock, 0); pthread_cond_init(&s->moved, 0); }
static void seq_set(seq_t *s, long v) {
    atomic_store(&s->value, v);
    if (atomic_load(&s->sleepers)) { pthread_mutex_lock(&s->lock); pthread_cond_broadcast(&s->moved); pthread_mutex_unlock(&s->lock); }
}
static long seq_wait(seq_t *s, long at_least) {
    long v = atomic_load(&s->value);
    if (v >= at_least) return v;
    pthread_mutex_lock(&s->lock);
    atomic_fetch_add(&s->sleepers, 1);
    while ((v = atomic_load(&s->value)) < at_least) pthread_cond_wait(&s->moved, &s->lock);
    atomic_fetch_sub(&s->sleepers, 1);
    pthread_mutex_unlock(&s->lock);
    return v;
}

static double sent[RECORDS], acked[RECORDS], flushes[MAX_FLUSHES];
static int flush_count, full, fd;
static char *buffer;
static seq_t published, durable, processed;
static atomic_int stop;

static void *journal(void *unused) {
    (void)unused;
    long next = 0; off_t offset = 0;
    while (next < RECORDS) {
        seq_wait(&published, next);
        double start = now_us(), last_move = start; long seen = atomic_load(&published.value);
        for (;;) { // linger while the burst is still arriving
            double t = now_us();
            if (t - last_move > 5 || t - start > 100) break;
            long p = atomic_load(&published.value);
            if (p != seen) { seen = p; last_move = now_us(); }
        }
        long upto = atomic_load(&published.value);
        size_t bytes = (size_t)(upto - next + 1) * RECORD_BYTES;
        if (pwrite(fd, buffer, bytes, offset) != (ssize_t)bytes) { perror("pwrite"); exit(1); }
        offset += bytes;
        double f0 = now_us();
        if (fdatasync(fd) != 0) { perror("fdatasync"); exit(1); }
        if (flush_count < MAX_FLUSHES) flushes[flush_count++] = now_us() - f0;
        seq_set(&durable, upto);
        next = upto + 1;
    }
    return 0;
}

static void *engine(void *unused) {
    (void)unused;
    for (long next = 0; next < RECORDS;) {
        long upto = seq_wait(&published, next);
        for (; next <= upto; next++) busy_ns(150);
        seq_set(&processed, upto);
    }
    return 0;
}

static void *snapshot(void *unused) {
    (void)unused;
    long next = 0;
    while (!atomic_load(&stop)) {
        struct timespec ms = {0, 1000000}; nanosleep(&ms, 0);
        long upto = atomic_load(&durable.value);
        for (; next <= upto; next++) busy_ns(150);
    }
    return 0;
}

static void *acknowledger(void *unused) {
    (void)unused;
    for (long next = 0; next < RECORDS;) {
        long upto = full ? seq_wait(&processed, next) : next;
        long d = seq_wait(&durable, upto);
        if (!full) upto = d;
        double t = now_us();
        for (; next <= upto; next++) acked[next] = t;
    }
    return 0;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "/tmp";
    full = argc > 2 && strcmp(argv[2], "full") == 0;
    char path[4096];
    buffer = aligned_alloc(4096, 1 << 22); memset(buffer, 'r', 1 << 22);

    static double probe[PROBES];
    snprintf(path, sizeof path, "%s/durable_floor_probe.XXXXXX", dir);
    int pfd = mkstemp(path); if (pfd < 0) { perror("mkstemp"); return 1; }
    posix_fallocate(pfd, 0, PROBES * 4096); fsync(pfd);
    for (int i = 0; i < PROBES; i++) { double t = now_us(); if (pwrite(pfd, buffer, 4096, (off_t)i * 4096) != 4096 || fdatasync(pfd)) return 1; probe[i] = now_us() - t; }
    close(pfd); unlink(path);
    qsort(probe, PROBES, sizeof(double), cmp);

    snprintf(path, sizeof path, "%s/durable_floor_journal.XXXXXX", dir);
    fd = mkstemp(path); if (fd < 0) { perror("mkstemp"); return 1; }
    posix_fallocate(fd, 0, (off_t)RECORDS * RECORD_BYTES + (1 << 20)); fsync(fd);
    seq_init(&published); seq_init(&durable); seq_init(&processed);
    pthread_t tj, ta, te, ts;
    pthread_create(&tj, 0, journal, 0); pthread_create(&ta, 0, acknowledger, 0);
    if (full) { pthread_create(&te, 0, engine, 0); pthread_create(&ts, 0, snapshot, 0); }

    double start = now_us(), per = 1e6 / RATE;
    for (long i = 0; i < RECORDS; i++) {
        if (now_us() < start + i * per) { struct timespec ms = {0, 1000000}; nanosleep(&ms, 0); } // ~1 ms bursts
        sent[i] = now_us();
        seq_set(&published, i);
    }
    pthread_join(tj, 0); pthread_join(ta, 0);
    if (full) { pthread_join(te, 0); atomic_store(&stop, 1); pthread_join(ts, 0); }
    close(fd); unlink(path);

    for (long i = 0; i < RECORDS; i++) acked[i] -= sent[i];
    qsort(acked, RECORDS, sizeof(double), cmp); qsort(flushes, flush_count, sizeof(double), cmp);
    double probe99 = pct(probe, PROBES, 99), ack99 = pct(acked, RECORDS, 99), flush99 = pct(flushes, flush_count, 99);
    printf("%s: probe 4 KiB p99 %.0f µs | ack p50 %.0f p99 %.0f p99.9 %.0f µs | fdatasync in run p50 %.0f p99 %.0f µs (%d) | "
           "p99 ack = %.2f × probe p99, %.2f × in-run fdatasync p99\n",
           full ? "full " : "bare ", probe99, pct(acked, RECORDS, 50), ack99, pct(acked, RECORDS, 99.9),
           pct(flushes, flush_count, 50), flush99, flush_count, ack99 / probe99, ack99 / flush99);
    return 0;
}
