import InterlockCore
extension GenerationPlan {
    /// The manifest of what this plan injects, with ids as they are written.
    func manifest() -> GeneratorManifest {
        let unownedInitiatives = unowned.keys.sorted().map { initiative -> GeneratorManifest.UnownedInitiative in
            let id = ids.string(EntityRef(.initiative, initiative))
            switch unowned[initiative] ?? .none {
            case .none:
                return .init(initiative: id, reason: .none, owner: nil)
            case .unknown(let former):
                return .init(initiative: id, reason: .unknown, owner: ids.string(EntityRef(.formerOwner, former)))
            case .inactive(let person):
                return .init(initiative: id, reason: .inactive, owner: ids.string(EntityRef(.person, person)))
            }
        }
        let pairs = incompatiblePairs.map { pair in
            GeneratorManifest.IncompatiblePair(
                technologies: [ids.string(EntityRef(.technology, pair.first)), ids.string(EntityRef(.technology, pair.second))],
                declaredIn: pair.declaredIn)
        }
        return GeneratorManifest(
            seed: seed,
            counts: counts,
            cycles: cycles.map { cycle in cycle.map { ids.string(EntityRef(.initiative, $0)) } },
            unownedInitiatives: unownedInitiatives,
            unownedDataSources: unownedDataSources.sorted().map { ids.string(EntityRef(.dataSource, $0)) },
            incompatiblePairs: pairs.sorted { $0.technologies.lexicographicallyPrecedes($1.technologies) },
            exclusiveCategories: [Vocabulary.exclusiveCategory])
    }
}
