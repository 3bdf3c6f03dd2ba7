/// How serious a finding is. Ordered: note < warning < error.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    var rank: Int { switch self { case .note: 0; case .warning: 1; case .error: 2 } }

    public func label(_ lang: Language) -> String {
        switch (self, lang) {
        case (.error, .zh): "错误"
        case (.warning, .zh): "警告"
        case (.note, .zh): "提示"
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.note, .en): "note"
        }
    }
}

/// One finding: a value independent of how it is printed.
public struct Diagnostic: Sendable, Equatable, Codable {
    public var ruleID: String
    public var severity: Severity
    public var message: Localized
    /// The path of the input, as given.
    public var path: String
    /// 1-based line and column (Unicode code points) in the text view; end column exclusive.
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The text the finding is about (for Ctrl+F in Word).
    public var snippet: String
    /// A replacement for the snippet's span, where the rule can offer one.
    public var fix: Fix?
    /// Other places involved (the table cell a prose figure disagrees with, …).
    public var related: [RelatedLocation]

    public init(ruleID: String, severity: Severity, message: Localized, path: String, line: Int, column: Int,
                endLine: Int? = nil, endColumn: Int? = nil, snippet: String, fix: Fix? = nil,
                related: [RelatedLocation] = []) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
        self.endColumn = endColumn ?? column + max(snippet.unicodeScalars.count, 1)
        self.snippet = snippet
        self.fix = fix
        self.related = related
    }
}

/// A suggested edit: replace the diagnostic's span with `replacement`.
public struct Fix: Sendable, Equatable, Codable {
    public var description: Localized
    public var replacement: String
}

/// Another place a diagnostic involves: in the same file, or (`path`) in another report of the batch.
public struct RelatedLocation: Sendable, Equatable, Codable {
    /// Another file (a collecting rule's counterpart); nil for the diagnostic's own file.
    public var path: String?
    public var line: Int
    public var column: Int
    public var endColumn: Int
    public var message: Localized

    public init(path: String? = nil, line: Int, column: Int, endColumn: Int, message: Localized) {
        self.path = path
        self.line = line
        self.column = column
        self.endColumn = endColumn
        self.message = message
    }
}
