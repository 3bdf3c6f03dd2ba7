import Foundation

extension Report {
    /// The span of a figure in the text view.
    public func span(_ f: Figure) -> TextSpan { paragraphs[f.paragraph].span(f.start, f.end) }

    /// The text of a figure as printed (“426条”, “50.65%”).
    public func text(_ f: Figure) -> String { paragraphs[f.paragraph].scalars[f.start..<f.end].string }
}

/// Number formatting for messages: integers without a decimal point, others with the printed decimals.
enum NumberText {
    static func format(_ v: Double, decimals: Int = 0) -> String {
        // Int(exactly:): a whole value beyond Int's range (a 20-digit count, a share computed from one) is
        // printed by %f rather than trapping in Int(_:).
        if decimals == 0, let whole = Int(exactly: v) { return String(whole) }
        return String(format: "%.\(max(decimals, 0))f", v)
    }

    static func percent(_ f: Figure) -> String { format(f.value, decimals: f.decimals) + "%" }

    static func count(_ f: Figure) -> String { format(f.value, decimals: f.decimals) }
}
