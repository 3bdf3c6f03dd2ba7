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
        return fixed(v, decimals: max(decimals, 0))
    }

    /// `String(format: "%.Nf", v)` from the C library's formatter, which Foundation's ends in: Foundation's way
    /// there cost some 16,000 instructions a figure. Foundation still writes what the buffer cannot hold.
    private static func fixed(_ v: Double, decimals: Int) -> String {
        let format = "%.\(decimals)f"
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList([v]) { vsnprintf(&buffer, buffer.count, format, $0) }
        guard v.isFinite, length > 0, Int(length) < buffer.count else { return String(format: format, v) }
        return String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func percent(_ f: Figure) -> String { format(f.value, decimals: f.decimals) + "%" }

    static func count(_ f: Figure) -> String { format(f.value, decimals: f.decimals) }
}
