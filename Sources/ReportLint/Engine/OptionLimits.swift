import Foundation

/// The ranges the numeric options must lie in, whether they come from the command line or from a
/// configuration file. One validator, so that the two can never disagree — a worker process re-reads the
/// command line its supervisor built from both, and a value one accepts and the other refuses would fail
/// every file of a batch.
public enum OptionLimits {
    public enum Option: String, Sendable {
        case year, maxFileSize, jobs, timeout

        /// The name on the command line.
        public var flag: String {
            switch self {
            case .year: "--year"
            case .maxFileSize: "--max-file-size"
            case .jobs: "--jobs"
            case .timeout: "--timeout"
            }
        }

        /// The key in a configuration file.
        public var key: String { rawValue }
    }

    /// Report years: annual reports under the 条例 began with 2008; a report is written at the latest in the
    /// year after the one it is about.
    public static var years: ClosedRange<Int> { 2000...(Calendar(identifier: .gregorian).component(.year, from: Date()) + 1) }
    /// Input files up to 2 GiB (the default limit is 20 MB).
    public static let fileBytes: ClosedRange<Int> = 1...(1 << 31)
    public static let jobs: ClosedRange<Int> = 1...256
    /// A per-file time budget from a tenth of a second to a day.
    public static let seconds: ClosedRange<Double> = 0.1...86_400

    public struct Problem: Error, Equatable, Sendable {
        public var option: Option
        public var value: String

        public func message(_ lang: Language, inConfiguration: Bool = false) -> String {
            let name = inConfiguration ? "\"\(option.key)\"" : option.flag
            let y = OptionLimits.years
            switch (option, lang) {
            case (.year, .zh): return "\(name) 需要 \(y.lowerBound) 到 \(y.upperBound) 之间的年份（而不是“\(value)”）"
            case (.year, .en): return "\(name) needs a year from \(y.lowerBound) to \(y.upperBound) (not '\(value)')"
            case (.maxFileSize, .zh): return "\(name) 需要 1 到 \(fileBytes.upperBound) 之间的字节数（2 GB 以内，而不是“\(value)”）"
            case (.maxFileSize, .en): return "\(name) needs a number of bytes from 1 to \(fileBytes.upperBound) (2 GB; not '\(value)')"
            case (.jobs, .zh): return "\(name) 需要 1 到 256 之间的整数（而不是“\(value)”）"
            case (.jobs, .en): return "\(name) needs a whole number from 1 to 256 (not '\(value)')"
            case (.timeout, .zh): return "\(name) 需要 0.1 到 86400 之间的秒数（而不是“\(value)”）"
            case (.timeout, .en): return "\(name) needs a number of seconds from 0.1 to 86400 (not '\(value)')"
            }
        }
    }

    /// A whole-number option given as text (the command line).
    public static func integer(_ option: Option, _ text: String) throws(Problem) -> Int {
        guard let v = Int(text.trimmingCharacters(in: .whitespaces)), range(option).contains(v) else {
            throw Problem(option: option, value: String(text.prefix(40)))
        }
        return v
    }

    /// A whole-number option given as a JSON value (a configuration file): a number, nothing else.
    public static func integer(_ option: Option, json value: Any) throws(Problem) -> Int {
        let number = value is String ? nil : (value as? Int).map(Double.init) ?? (value as? Double)
        guard let d = number, d.isFinite, d == d.rounded(), abs(d) < 1e15, range(option).contains(Int(d)) else {
            throw Problem(option: option, value: String("\(value)".prefix(40)))
        }
        return Int(d)
    }

    /// The time budget in seconds (the command line).
    public static func seconds(_ text: String) throws(Problem) -> Double {
        guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite, seconds.contains(v) else {
            throw Problem(option: .timeout, value: String(text.prefix(40)))
        }
        return v
    }

    private static func range(_ option: Option) -> ClosedRange<Int> {
        switch option {
        case .year: years
        case .maxFileSize: fileBytes
        case .jobs: jobs
        case .timeout: 1...86_400
        }
    }
}
