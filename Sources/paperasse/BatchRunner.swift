import Foundation
import PDFRender
import Synchronization

/// Runs `count` independent documents on `jobs` threads. Each thread keeps its own deflater; the
/// first error stops the run (documents already written stay, complete; none is left half-written).
struct BatchRunner {
    let jobs: Int

    struct Summary {
        var documents = 0
        var pages = 0
        var bytes = 0
    }

    func run(count: Int, _ body: @escaping @Sendable (Int, Deflater) throws -> RenderResult) throws -> Summary {
        HeapPolicy.keepFreedMemoryForReuse()
        let next = Atomic<Int>(0)
        let state = Mutex<(Summary, (any Error)?)>((Summary(), nil))
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            Thread.detachNewThread {
                let deflater = Deflater(level: RenderOptions().compressionLevel)
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    if i >= count || state.withLock({ $0.1 != nil }) { break }
                    do {
                        let r = try body(i, deflater)
                        state.withLock { s in
                            s.0.documents += 1
                            s.0.pages += r.pageCount
                            s.0.bytes += r.byteCount
                        }
                    } catch {
                        state.withLock { s in if s.1 == nil { s.1 = error } }
                        break
                    }
                }
                group.leave()
            }
        }
        group.wait()
        let (summary, error) = state.withLock { $0 }
        if let error { throw error }
        return summary
    }
}
