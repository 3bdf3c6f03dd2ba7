import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with output to /dev/null; its wall time and the peak RSS of the largest process in its tree.
func spawn(_ argv: [String]) -> (seconds: Double, peakKB: Int, status: Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let cargs = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, argv[0], &actions, nil, cargs, environ) == 0 else { return (0, 0, -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, usage.ru_maxrss, (status >> 8) & 0xFF)
}

