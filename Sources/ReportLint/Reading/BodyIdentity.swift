import Foundation

/// Who a report is from, in a form that compares: “社溪镇人民政府”, “社溪镇政府” and “社溪镇” are one body; so are
/// “鹤庆县太平镇人民政府” and “太平镇人民政府” — when the batch leaves no doubt which 太平镇 is meant.
///
/// `key` is the name without white space, punctuation, letters and the words every body's name may or may not carry
/// (人民政府 → 政府 inside the name; a trailing 政府, 办事处 after 街道). A shorter key that is the end of a longer
/// one after a whole place name (“太平镇” in “鹤庆县太平镇”: the cut falls after 县) may be the same body with its
/// county left out; `BodyIdentity.Resolver` decides it over the whole batch, and says so when it cannot.
public struct BodyIdentity: Sendable, Hashable, Codable {
    /// The normalised name (“鹤庆县太平镇”), in Unicode's composed form (NFC).
    public var key: String

    // Compared and hashed as the key's UTF-8 bytes: a String compares and hashes Chinese text through its
    // normalised form, which was most of a batch's look-ups by body. Keys are NFC, so bytes that differ are
    // names that differ.
    public static func == (a: BodyIdentity, b: BodyIdentity) -> Bool { a.key.sameBytes(as: b.key) }
    public func hash(into hasher: inout Hasher) { key.hashBytes(into: &hasher) }

    public init?(_ name: String?) {
        guard let name, BodyReader.looksLikeBody(name.withoutBlanks) else { return nil }
        // Han characters and digits only: white space, brackets and stray letters (a “title:” left by a page) go.
        let kept = name.scalars.filter { $0.isHan || $0.isDigitLike }
        // Plain text (`LabelText.isInert`: no compatibility ideograph) is normalised scalar by scalar; Foundation's
        // replacement and the Character counts below cost as much as reading the rest of the report's title.
        if kept.allSatisfy(LabelText.isInert) {
            guard let key = Self.plainKey(kept) else { return nil }
            self.key = key
            return
        }
        var s = String(String.UnicodeScalarView(kept))
        s = s.replacingOccurrences(of: "人民政府", with: "政府")
        for suffix in ["街道办事处", "街道办"] where s.hasSuffix(suffix) { s = String(s.dropLast(suffix.count)) + "街道" }
        // “某镇政府” is the 镇; “某县政府办公室” stays an office of its own.
        if s.hasSuffix("政府"), s.count > 3 { s = String(s.dropLast(2)) }
        guard s.count >= 2 else { return nil }
        // A compatibility ideograph (U+F900…) composes to its unified twin: one body, one key.
        key = s.precomposedStringWithCanonicalMapping
    }

    /// The key of a name of plain Han characters and digits, as `init` makes it from a String: between such
    /// scalars Characters are scalars, and a String search matches where the scalars do.
    private static func plainKey(_ u: [Unicode.Scalar]) -> String? {
        var s: [Unicode.Scalar] = []
        s.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if u.has(Words.people, at: i) { s += Words.government; i += Words.people.count } else { s.append(u[i]); i += 1 }
        }
        for suffix in [Words.subdistrictOffice, Words.subdistrictOfficeShort] where s.has(suffix, at: s.count - suffix.count) {
            s.removeLast(suffix.count)
            s += Words.subdistrict
        }
        if s.has(Words.government, at: s.count - 2), s.count > 3 { s.removeLast(2) }
        return s.count >= 2 ? s.string : nil
    }

    private enum Words {
        static let people = "人民政府".scalars, government = "政府".scalars, subdistrict = "街道".scalars
        static let subdistrictOffice = "街道办事处".scalars, subdistrictOfficeShort = "街道办".scalars
    }

    /// Place names end with one of these: the cut between a county and a town inside a name falls after one.
    static let placeEnds: Set<Character> = ["省", "市", "州", "县", "区", "旗", "盟"]

    static let notPlaces = ["城市", "超市", "社区", "园区", "景区", "城区", "街区", "市区", "山区", "牧区", "林区", "矿区", "库区", "辖区", "老区"]

    /// Whether `self` may be `longer` with places in front left out (“太平镇” and “鹤庆县太平镇”).
    public func isShortForm(of longer: BodyIdentity) -> Bool {
        guard longer.key.count > key.count, longer.key.hasSuffix(key) else { return false }
        let prefix = longer.key.dropLast(key.count)
        guard let last = prefix.last, Self.placeEnds.contains(last) else { return false }
        // The place name the cut ends: from the previous place ending, two characters at least, and not a
        // word that only ends like one (城市管理局 is no 城市 + 管理局).
        let place = String(prefix.dropLast().reversed().prefix { !Self.placeEnds.contains($0) }.reversed()) + String(last)
        guard place.count >= 2, !Self.notPlaces.contains(where: place.hasSuffix) else { return false }
        // “市管理局” is not a body's short name: what is left must name a body by itself.
        return BodyReader.looksLikeBody(key)
    }

    /// Every body of a batch, resolved: which reports are the same body, and which names could be more than one.
    public struct Resolver: Sendable {
        /// name → the body it stands for.
        private var canonical: [BodyIdentity: BodyIdentity] = [:]
        /// key → the longer names it could stand for, when there is more than one.
        public private(set) var ambiguous: [String: [String]] = [:]

        public init<S: Sequence>(_ identities: S) where S.Element == BodyIdentity {
            let names = Set(identities)
            // Each name under every ending that follows a place name in it (“鹤庆县太平镇” under “太平镇”), so that
            // a short name finds its longer forms without comparing every pair of names.
            var longerForms: [BodyIdentity: [BodyIdentity]] = [:]
            for name in names {
                let chars = Array(name.key)
                for i in 1..<max(chars.count - 1, 1) where BodyIdentity.placeEnds.contains(chars[i - 1]) {
                    longerForms[BodyIdentity(rawKey: String(chars[i...])), default: []].append(name)
                }
            }
            // Longest first: a longer name's own resolution is known before a shorter one asks. Names of one length
            // cannot be each other's longer forms, so their order does not matter: sorted by length alone (lengths
            // counted once; comparing the Chinese names themselves on ties was most of the sort).
            for (_, me) in names.map({ ($0.key.count, $0) }).sorted(by: { $0.0 > $1.0 }) {
                // Most names are no other name's ending: themselves, without a set of candidates made.
                guard let longer = longerForms[me] else { canonical[me] = me; continue }
                let bodies = Set(longer.filter { me.isShortForm(of: $0) }.map { canonical[$0] ?? $0 })
                switch bodies.count {
                case 0: canonical[me] = me
                case 1: canonical[me] = bodies.first!
                default:
                    canonical[me] = me
                    ambiguous[me.key] = bodies.map(\.key).sorted()
                }
            }
        }

        /// The body a name stands for in this batch; a name that could be several stays itself.
        public func body(_ identity: BodyIdentity) -> String { canonicalName(identity).key }

        /// `body(_:)` as an identity (for keeping bodies apart without making their names again).
        public func canonicalName(_ identity: BodyIdentity) -> BodyIdentity { canonical[identity] ?? identity }

        /// Whether the batch cannot tell which body the name stands for.
        public func isAmbiguous(_ identity: BodyIdentity) -> Bool { !ambiguous.isEmpty && ambiguous[identity.key] != nil }

        /// Whether two names may be one body though the batch cannot tell (one is ambiguous and could be the other).
        public func mayBeSame(_ a: BodyIdentity, _ b: BodyIdentity) -> Bool {
            let ba = canonicalName(a), bb = canonicalName(b)
            if ba == bb { return true }
            guard !ambiguous.isEmpty else { return false }
            return (ambiguous[a.key]?.contains(bb.key) ?? false) || (ambiguous[b.key]?.contains(ba.key) ?? false)
        }
    }

    init(rawKey: String) { key = rawKey }
}
