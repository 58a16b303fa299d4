/// Where a loop variable's value came from, to name data paths in bind errors
/// (`lignes[3].montant`) without building any path string on the happy path.
enum SlotOrigin: Sendable {
    /// Bound by `for: x in <path>`: its path is the list path plus `[index]`.
    case list(DataPath)
    /// Bound by a computed list (a sum, a group): named by a fixed description.
    case named(String)
}

/// The mutable state of one `bind` call: the data root and the loop variables' slots.
struct BindContext {
    let root: DataValue
    var slots: [DataValue]
    var indices: [Int]
    let origins: [SlotOrigin]

    init(root: DataValue, origins: [SlotOrigin]) {
        self.root = root
        self.origins = origins
        self.slots = Array(repeating: .null, count: origins.count)
        self.indices = Array(repeating: 0, count: origins.count)
    }

    /// The data path of a slot's current value, for error messages only.
    func describe(slot: Int) -> String {
        switch origins[slot] {
        case .named(let name): return name
        case .list(let path): return describe(path, upTo: path.steps.count) + "[\(indices[slot])]"
        }
    }

    func describe(_ path: DataPath, upTo count: Int) -> String {
        switch path.root {
        case .data: return path.describe(prefix: "", upTo: count)
        case .slot(let s): return path.describe(prefix: describe(slot: s), upTo: count)
        }
    }
}
