import CGraphviz

/// A cgraph ID discipline that numbers named objects in creation order.
///
/// cgraph's default discipline uses the address of an object's interned name as its ID, and
/// keeps subgraphs ordered by ID. Addresses differ from run to run, so clusters would be laid
/// out and written in a different order each time, and the "same input, byte-identical
/// output" rule would break. Here named objects get the even IDs 2, 4, 6, … in creation order
/// and anonymous ones (edges) the odd IDs, as cgraph expects.
final class SequentialIDs {
    /// The root graph, owner of the string pool names are interned in.
    private let graph: UnsafeMutablePointer<Agraph_t>
    /// ID of each interned name; cgraph interns each string once per graph, so the pointer
    /// identifies the name.
    private var idByName: [UnsafeMutablePointer<CChar>: IDTYPE] = [:]
    /// Name and number of live objects of each named ID.
    private var nameByID: [IDTYPE: (name: UnsafeMutablePointer<CChar>, objects: Int)] = [:]
    private var nextNamed: IDTYPE = 2
    private var nextAnonymous: IDTYPE = 1

    private init(graph: UnsafeMutablePointer<Agraph_t>) { self.graph = graph }

    /// The discipline's callbacks; the state they receive is a retained ``SequentialIDs``.
    static func discipline() -> Agiddisc_t {
        Agiddisc_t(
            open: { graph, _ in
                guard let graph else { return nil }
                return Unmanaged.passRetained(SequentialIDs(graph: graph)).toOpaque()
            },
            map: { state, _, name, id, create in
                guard let state, let id else { return 0 }
                return SequentialIDs.table(state).map(name, to: id, create: create != 0) ? 1 : 0
            },
            alloc: { _, _, _ in 0 },  // IDs chosen by the caller are not supported
            free: { state, _, id in
                guard let state else { return }
                SequentialIDs.table(state).release(id)
            },
            print: { state, _, id in
                guard let state else { return nil }
                return SequentialIDs.table(state).nameByID[id]?.name
            },
            close: { state in
                guard let state else { return }
                Unmanaged<SequentialIDs>.fromOpaque(state).release()
            },
            idregister: { _, _, _ in })
    }

    private static func table(_ state: UnsafeMutableRawPointer) -> SequentialIDs {
        Unmanaged<SequentialIDs>.fromOpaque(state).takeUnretainedValue()
    }

    /// Looks up, or with `create` assigns, the ID of `name` (a new odd ID when anonymous).
    private func map(_ name: UnsafeMutablePointer<CChar>?, to id: UnsafeMutablePointer<IDTYPE>, create: Bool) -> Bool {
        guard let name else {
            guard create else { return false }
            id.pointee = nextAnonymous
            nextAnonymous += 2
            return true
        }
        guard create else {
            guard let interned = agstrbind(graph, name), let known = idByName[interned] else { return false }
            id.pointee = known
            return true
        }
        // Each created object holds one reference to its name, released in `release`.
        guard let interned = agstrdup(graph, name) else { return false }
        if let known = idByName[interned] {
            nameByID[known]?.objects += 1
            id.pointee = known
            return true
        }
        let new = nextNamed
        nextNamed += 2
        idByName[interned] = new
        nameByID[new] = (interned, 1)
        id.pointee = new
        return true
    }

    /// An object with `id` is gone: drop its reference to the name.
    private func release(_ id: IDTYPE) {
        guard let entry = nameByID[id] else { return }
        agstrfree(graph, entry.name)
        if entry.objects > 1 {
            nameByID[id]?.objects -= 1
        } else {
            nameByID[id] = nil
            idByName[entry.name] = nil
        }
    }
}
