#if canImport(Glibc)
import CMalloc
#endif

/// How a process that renders many documents should treat freed memory. Each document allocates and
/// frees about a megabyte of working buffers; glibc's defaults give the free top of the heap back to
/// the kernel past 128 KiB, so the next document took the same pages back one page fault at a time
/// (4 % of a statement run's time, in `perf`). Keeping freed memory for reuse makes the heap as large
/// as the largest document's working set and keeps it there: memory stays flat, the faults go.
public enum HeapPolicy {
    /// Call once at the start of a batch run or a server; harmless to call again. Only glibc is tuned.
    public static func keepFreedMemoryForReuse() {
        #if canImport(Glibc)
        // The top of the heap is trimmed past 64 MiB only; blocks under 32 MiB (glibc's own ceiling
        // for its adaptive threshold, which any explicit setting switches off) come from the heap
        // instead of a fresh mapping per allocation.
        _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        #endif
    }
}
