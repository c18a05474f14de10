// memory_floor.c — how much cache and memory this machine gives one core, without .NET.
//
// Issue 2's `multi` scenario keeps ≈ 37 MB of engine state (order entries' two hot lines, price levels, client-id
// index) and touches it at random; `standard` keeps ≈ 0.3 MB. Their ratio depends on where each working set lives,
// so this measures it directly:
//   1. dependent reads (a random cycle through every line of a buffer, one load waiting for the one before) for
//      buffers of 0.5 to 64 MB: the latency of a read that must come from wherever that much data fits — L2, the L3
//      share this VM gets, or memory;
//   2. independent random reads of a 64 MB buffer with a software prefetch D reads ahead: how many lines per second
//      one core can have fetched from memory at each depth of overlap (the ceiling for an engine whose commands each
//      need a handful of uncached lines).
// Buffers are 2 MB-aligned and offered transparent huge pages, as the engine's pools are (no TLB misses in the figures).
//
// Build and run (not part of the build or CI; a reference measurement, see docs/benchmarks.md):
//   gcc -O2 -o /tmp/memory_floor bench/memory-floor/memory_floor.c
//   /tmp/memory_floor
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <xmmintrin.h>

#define LINE 64
#define HUGE_PAGE (2u << 20)
#define CHASE_READS 2000000
#define RANDOM_READS (1u << 24)

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static uint64_t rng = 88172645463325252ull;

static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static char *line_buffer(size_t lines)
{
    size_t bytes = (lines * LINE + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
    char *buffer = aligned_alloc(HUGE_PAGE, bytes);
    if (buffer == NULL) {
        perror("aligned_alloc");
        exit(1);
    }
    madvise(buffer, bytes, MADV_HUGEPAGE);
    memset(buffer, 1, bytes);
    return buffer;
}

// Nanoseconds per read of a random cycle through all lines of a buffer of `mb` megabytes.
static double dependent_ns(double mb)
{
    size_t lines = (size_t)(mb * (1 << 20)) / LINE;
    char *buffer = line_buffer(lines);
    uint32_t *order = malloc(lines * sizeof(uint32_t));
    for (size_t i = 0; i < lines; i++) {
        order[i] = (uint32_t)i;
    }
    for (size_t i = lines - 1; i > 0; i--) {
        size_t j = next_random() % (i + 1);
        uint32_t t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    // One cycle: each line holds the index of the next one in the shuffled order.
    for (size_t i = 0; i < lines; i++) {
        *(uint32_t *)(buffer + (size_t)order[i] * LINE) = order[(i + 1) % lines];
    }
    uint32_t p = order[0];
    for (size_t i = 0; i < lines; i++) { // once round, to warm what fits
        p = *(uint32_t *)(buffer + (size_t)p * LINE);
    }
    double t0 = now();
    for (int i = 0; i < CHASE_READS; i++) {
        p = *(uint32_t *)(buffer + (size_t)p * LINE);
    }
    double ns = (now() - t0) / CHASE_READS * 1e9;
    if (p == UINT32_MAX) {
        puts("");
    }
    free(order);
    free(buffer);
    return ns;
}

int main(void)
{
    const double sizes[] = {0.5, 1, 2, 3, 4, 6, 8, 12, 16, 32, 64};
    printf("dependent random reads (latency of one read that waits for the previous one)\n");
    printf("%10s %12s\n", "buffer MB", "ns per read");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        printf("%10.1f %12.1f\n", sizes[i], dependent_ns(sizes[i]));
    }

    size_t lines = (64u << 20) / LINE;
    char *buffer = line_buffer(lines);
    uint32_t *targets = malloc(sizeof(uint32_t) * (RANDOM_READS + 64));
    for (uint32_t i = 0; i < RANDOM_READS + 64; i++) {
        targets[i] = (uint32_t)(next_random() % lines);
    }
    printf("\nindependent random reads of a 64 MB buffer, software prefetch D reads ahead\n");
    printf("%4s %16s %12s\n", "D", "M lines per s", "ns per line");
    const int depths[] = {0, 2, 4, 8, 16, 32, 64};
    for (size_t k = 0; k < sizeof depths / sizeof depths[0]; k++) {
        int d = depths[k];
        uint64_t sum = 0;
        double t0 = now();
        for (uint32_t i = 0; i < RANDOM_READS; i++) {
            if (d > 0) {
                _mm_prefetch(buffer + (size_t)targets[i + d] * LINE, _MM_HINT_T0);
            }
            sum += *(volatile uint32_t *)(buffer + (size_t)targets[i] * LINE);
        }
        double seconds = now() - t0;
        printf("%4d %16.1f %12.2f%s\n", d, RANDOM_READS / seconds / 1e6, seconds / RANDOM_READS * 1e9, sum == 0 ? " " : "");
    }
    free(targets);
    free(buffer);
    return 0;
}
