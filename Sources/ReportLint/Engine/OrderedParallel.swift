import Foundation

/// Runs work on several threads and hands the results back on the calling thread in input order, each as
/// soon as it and every one before it are done — so a batch's output streams while it is checked.
///
/// Memory stays bounded whatever the batch size: a thread does not take item `i` until item
/// `i - window` has been handed on, so at most `window` results wait (behind one slow file) at any time.
enum OrderedParallel {
    /// `body` runs once on each of `jobs` threads: it takes item indices with `next()` until it returns nil,
    /// and stores each result with `store(i, result)`. `deliver` sees the results in order on this thread.
    static func run<R: Sendable>(count: Int, jobs: Int, window: Int = 256,
                                 body: @escaping @Sendable (_ next: Claims, _ store: (Int, R) -> Void) -> Void,
                                 deliver: (R) -> Void) {
        guard count > 0 else { return }
        let queue = Queue<R>(count: count, window: max(window, jobs))
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            let thread = Thread {
                body(Claims(wait: { queue.claim() }, now: { queue.claim(waiting: false) }), { queue.store($0, $1) })
                group.leave()
            }
            thread.stackSize = 16 << 20  // the reader and loaders are not deeply recursive, but leave room
            thread.start()
        }
        for i in 0..<count { deliver(queue.take(i)) }
        group.wait()
    }

    /// How a thread takes items. `next()` waits while the window is full and is nil when every item is taken;
    /// `next.now()` never waits: nil also while the window is full — for a thread that holds items it has
    /// taken but not stored (requests in flight to a worker), which must not wait for its own results.
    struct Claims: Sendable {
        let wait: @Sendable () -> Int?
        let now: @Sendable () -> Int?

        func callAsFunction() -> Int? { wait() }
    }

    final class Queue<R: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int, window: Int
        private var claimed = 0, delivered = 0
        private var ready: [Int: R] = [:]
        /// The taker, once it has to wait, is woken when this many results in a row are ready (or the rest of
        /// the batch): woken for each result, it cost a futex wake and two context switches per file.
        private let wakeRun: Int

        init(count: Int, window: Int) {
            self.count = count
            self.window = window
            wakeRun = min(16, window)
        }

        func claim(waiting: Bool = true) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while claimed < count && claimed >= delivered + window {
                guard waiting else { return nil }
                condition.wait()
            }
            guard claimed < count else { return nil }
            claimed += 1
            return claimed - 1
        }

        func store(_ i: Int, _ value: R) {
            condition.lock()
            ready[i] = value
            if i >= delivered && i < delivered + wakeRun && runReady(from: delivered) { condition.broadcast() }
            condition.unlock()
        }

        func take(_ i: Int) -> R {
            condition.lock()
            defer { condition.unlock() }
            if ready[i] == nil {
                while !runReady(from: i) { condition.wait() }
            }
            delivered = i + 1
            condition.broadcast()  // a thread may wait for the window to move
            return ready.removeValue(forKey: i)!
        }

        /// Whether the results from `i` on are ready, `wakeRun` of them or up to the end.
        private func runReady(from i: Int) -> Bool {
            (i..<min(i + wakeRun, count)).allSatisfy { ready[$0] != nil }
        }
    }
}
