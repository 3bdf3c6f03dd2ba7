/// Shell-style path patterns for a configuration's `include` and `exclude`: `*` (any characters but `/`),
/// `?` (one character but `/`), `[abc]`, and `**` (any folders, also none: `drafts/**/*.docx`). A pattern
/// without `/` matches the file name at any depth (`*.pdf`), as in .gitignore.
public struct Glob: Sendable, Equatable {
    public let pattern: String
    private let parts: [Unicode.Scalar]
    private let anyDepth: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        anyDepth = !pattern.contains("/")
        parts = Array((pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern).unicodeScalars)
    }

    /// Whether `path` (relative to the configuration's folder, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        let p = Array(path.unicodeScalars)
        if anyDepth, let slash = p.lastIndex(of: "/") { return Self.match(parts[...], p[(slash + 1)...]) }
        return Self.match(parts[...], p[...])
    }

    private static func match(_ g: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let c = g.first else { return s.isEmpty }
        switch c {
        case "*":
            if g.dropFirst().first == "*" {  // ** : any folders
                var rest = g.dropFirst(2)
                if rest.first == "/" { rest = rest.dropFirst() }
                if rest.isEmpty { return true }  // a trailing ** takes everything below
                var t = s
                while true {
                    if match(rest, t) { return true }
                    guard let slash = t.firstIndex(of: "/") else { return false }
                    t = t[(slash + 1)...]
                }
            }
            var t = s
            while true {
                if match(g.dropFirst(), t) { return true }
                guard let first = t.first, first != "/" else { return false }
                t = t.dropFirst()
            }
        case "?":
            guard let first = s.first, first != "/" else { return false }
            return match(g.dropFirst(), s.dropFirst())
        case "[":
            guard let close = g.dropFirst().firstIndex(of: "]"), let first = s.first else { return false }
            var set = g[(g.startIndex + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false, k = set.startIndex
            while k < set.endIndex {
                if k + 2 < set.endIndex, set[k + 1] == "-" {
                    if set[k].value <= first.value && first.value <= set[k + 2].value { found = true }
                    k += 3
                } else {
                    if set[k] == first { found = true }
                    k += 1
                }
            }
            return found != negated && match(g[(close + 1)...], s.dropFirst())
        default:
            guard s.first == c else { return false }
            return match(g.dropFirst(), s.dropFirst())
        }
    }
}
