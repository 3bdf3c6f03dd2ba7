import Foundation

/// The bodies of a batch's reports, resolved over the batch and numbered, with each body's reports by year: what
/// `BatchIndex` needs of its entries, and made from nothing but their bodies and years.
struct BodyIndex: Sendable {
    /// An entry as far as bodies go.
    struct Entry: Hashable, Sendable {
        var identity: BodyIdentity?
        var year: Int?
    }

    let resolver: BodyIdentity.Resolver
    /// Each entry's body as a number (entries of one body share it): the rules compare bodies again and again,
    /// and numbers compare at once where Chinese names do not. Nil: no name, or one the batch cannot tie to one body.
    let numbers: [Int?]
    /// The bodies' names, by number.
    let names: [String]
    /// body number → year → entry indices.
    let byBody: [[Int: [Int]]]

    /// `resolver`: the entries' identities resolved (`BodyIdentity.Resolver`).
    init(_ entries: [Entry], resolver: BodyIdentity.Resolver) {
        self.resolver = resolver
        var numbered: [BodyIdentity: Int] = [:], names: [String] = []
        numbers = entries.map { e in
            guard let identity = e.identity, !resolver.isAmbiguous(identity) else { return nil }
            let body = resolver.canonicalName(identity)
            if let n = numbered[body] { return n }
            numbered[body] = names.count
            names.append(body.key)
            return names.count - 1
        }
        self.names = names
        var byBody = [[Int: [Int]]](repeating: [:], count: names.count)
        for (i, e) in entries.enumerated() {
            guard let n = numbers[i], let year = e.year else { continue }
            byBody[n][year, default: []].append(i)
        }
        self.byBody = byBody
    }
}

/// What the collecting rules of one batch run share (`Linter.checkBatch` makes one for each run): the bodies
/// resolved and indexed once for every rule that sees the same reports. Most batch rules see the same reports,
/// and resolving the bodies of a province's batch again for each rule was a tenth of the batch rules' time.
/// The rules judge on threads of their own: each table is behind a lock, held while an entry is made, so that a
/// rule asking for what another is making waits for it rather than making it again.
final class BatchMemo: @unchecked Sendable {
    private let resolverLock = NSLock(), indexLock = NSLock()
    private var resolvers: [[BodyIdentity]: BodyIdentity.Resolver] = [:]
    private var indexes: [[BodyIndex.Entry]: BodyIndex] = [:]

    /// `BodyIdentity.Resolver(identities)`, made once for equal lists.
    func resolver(_ identities: [BodyIdentity]) -> BodyIdentity.Resolver {
        resolverLock.withLock {
            if let known = resolvers[identities] { return known }
            let made = BodyIdentity.Resolver(identities)
            resolvers[identities] = made
            return made
        }
    }

    /// The index of entries with these bodies and years, made once for equal lists.
    func bodies(_ entries: [BodyIndex.Entry]) -> BodyIndex {
        indexLock.withLock {
            if let known = indexes[entries] { return known }
            let made = BodyIndex(entries, resolver: resolver(entries.compactMap { $0.identity }))
            indexes[entries] = made
            return made
        }
    }
}
