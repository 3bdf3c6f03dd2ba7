import Foundation

/// Starting a program with posix_spawn: the workers of a batch (`WorkerProcess`) and pdftotext
/// (`ExternalTool`). Not Foundation's `Process`, which keeps a run loop and a socket pair per child, closes
/// every descriptor up to the highest open one, and puts the child in a process group of its own — where
/// the supervisor's kill of a worker's group would miss the pdftotext it runs.
///
/// The caller sets the child's standard descriptors; every other descriptor this program keeps open is
/// close-on-exec (the workers' pipes, `AtomicFile`), so the child gets none of them.
enum ChildProcess {
    /// What one of the child's descriptors is.
    enum Descriptor {
        /// A file opened with these flags (0600 when created).
        case open(String, flags: Int32)
        /// A copy of one of this process's descriptors.
        case copy(of: Int32)
    }

    /// Starts `executable` with `arguments` (argv[0] is the executable) and this process's environment, each
    /// descriptor number set as given, in a process group of its own when `ownGroup`. The child's pid, or
    /// posix_spawn's error number.
    static func spawn(_ executable: String, _ arguments: [String], descriptors: [(Int32, Descriptor)],
                      ownGroup: Bool = false) -> (pid: pid_t, error: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, descriptor) in descriptors {
            switch descriptor {
            case .open(let path, let flags): posix_spawn_file_actions_addopen(&actions, fd, path, flags, 0o600)
            case .copy(let source): posix_spawn_file_actions_adddup2(&actions, source, fd)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if ownGroup {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var child: pid_t = 0
        let error = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        return (child, error)
    }
}
