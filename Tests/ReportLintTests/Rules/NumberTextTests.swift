import Foundation
import Testing
@testable import ReportLint

/// The figures messages print (`NumberText`): written through the C library's formatter for speed, they must read
/// exactly as Foundation's `String(format:)` wrote them — a message that changed its digits would change every
/// output format and baseline.
@Suite("Figures in messages")
struct NumberTextTests {
    /// Values a share, a sum or a count of a report may take, with the ties and carries rounding decides.
    static let values: [Double] = [0, -0.0, 1, -1, 0.5, 1.5, 2.5, 0.125, 0.375, 12.345, 12.355, 99.995, 99.994999,
                                   100, 13.23, 66.41, 1 / 3, 2 / 3, -12.5, 1e15 + 0.5, 123_456_789.987654,
                                   1e300, -1e300, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .infinity, -.infinity, .nan]

    @Test func decimalsAreWrittenAsFoundationWritesThem() {
        for v in Self.values {
            for decimals in [1, 2, 3, 4, 6] {
                #expect(NumberText.format(v, decimals: decimals) == String(format: "%.\(decimals)f", v), "\(v), \(decimals) decimals")
            }
        }
    }

    @Test func wholeNumbersHaveNoDecimalPoint() {
        #expect(NumberText.format(426) == "426")
        #expect(NumberText.format(-3) == "-3")
        // A whole value beyond Int's range is written by the formatter, not trapped on.
        #expect(NumberText.format(1e20) == String(format: "%.0f", 1e20))
        #expect(NumberText.format(0.5) == String(format: "%.0f", 0.5))
    }
}
