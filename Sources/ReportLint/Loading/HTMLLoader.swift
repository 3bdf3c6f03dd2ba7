/// Placeholder until the HTML reader lands (issue 4): refuses the format with a clear message.
public struct HTMLLoader: Loader {
    public static let formats: [InputFormat] = [.html]
    public init() {}
    public func load(_ bytes: [UInt8], path: String, limits: LoadLimits) throws(LoadError) -> Document {
        throw .unsupportedFormat(".html")
    }
}
