import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Catches SIGINT, SIGTERM and SIGHUP so a session can end properly (write its `end`
/// record) instead of dying mid-sentence. The handlers only record which signal came;
/// blocked reads return early (no SA_RESTART) and the loop decides what to do.
public enum SignalWatch {
    private static let pending = Atomic<Int32>(0)

    public static func install() {
        _ = pending.load(ordering: .relaxed)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                SignalWatch.pending.store(number, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        // A parent may have started us with these blocked (some process launchers do);
        // unblocked, they reach the handlers above.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&wanted, signal) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        // A closed pipe on output is handled where we write (`rapport` ignores SIGPIPE from
        // the start; this keeps a session right when the engine is driven some other way).
        Glibc.signal(SIGPIPE, SIG_IGN)
    }

    /// Whether a signal has arrived and not been taken yet.
    public static var isPending: Bool { pending.load(ordering: .relaxed) != 0 }

    /// How long a blocking wait for input sleeps before looking for a signal again. The
    /// handler can run on any thread, so an interrupted system call cannot be relied on.
    public static let pollMilliseconds: Int32 = 100

    /// The signal that arrived since the last call, if any (and forgets it).
    public static func take() -> Int32? {
        let number = pending.exchange(0, ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
