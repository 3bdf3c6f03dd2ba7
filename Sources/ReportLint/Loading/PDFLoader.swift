/// Placeholder until the PDF reader lands (issue 4): refuses the format with a clear message.
public struct PDFLoader: Loader {
    public static let formats: [InputFormat] = [.pdf]
    public init() {}
    public func load(_ bytes: [UInt8], path: String, limits: LoadLimits) throws(LoadError) -> Document {
        throw .unsupportedFormat(".pdf")
    }
}
