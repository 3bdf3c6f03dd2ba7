/// Placeholder until the .docx reader lands (issue 4): refuses the format with a clear message.
public struct DocxLoader: Loader {
    public static let formats: [InputFormat] = [.docx]
    public init() {}
    public func load(_ bytes: [UInt8], path: String, limits: LoadLimits) throws(LoadError) -> Document {
        throw .unsupportedFormat(".docx")
    }
}
