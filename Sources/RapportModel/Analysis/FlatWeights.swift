/// Each feature's weights for the kinds (or topics) it moves, flat: those of feature `f` are
/// `target[i]` and `value[i]` for `i` in `start[f]..<start[f + 1]`, in the order they were
/// added. Built one weight at a time from a weights file and flattened by `finish`; a snapshot
/// copies the three arrays in whole, where a list per feature cost an allocation each.
struct FlatWeights: Sendable {
    /// Weights added since the last `finish`, by feature.
    private var pending: [[(target: Int32, value: Float)]] = []
    private(set) var start: [Int32] = [0]
    private(set) var target: [Int32] = []
    private(set) var value: [Float] = []

    init() {}

    /// The arrays as a snapshot holds them; nil unless they fit together, with every target
    /// below `targets`.
    init?(start: [Int32], target: [Int32], value: [Float], targets: Int) {
        guard start.first == 0, start.last == Int32(target.count), target.count == value.count,
              zip(start, start.dropFirst()).allSatisfy({ $0 <= $1 }), target.allSatisfy({ $0 >= 0 && $0 < Int32(targets) }) else { return nil }
        (self.start, self.target, self.value) = (start, target, value)
    }

    /// How many features have weights (or a place for them).
    var featureCount: Int { max(start.count - 1, pending.count) }

    /// Adds a weight; all are added before `finish` (a weights file is read whole first).
    mutating func add(_ weight: Float, target position: Int, feature: Int) {
        precondition(start.count == 1, "weights added after they were flattened")
        while pending.count <= feature { pending.append([]) }
        pending[feature].append((Int32(position), weight))
    }

    /// Flattens what was added.
    mutating func finish() {
        guard !pending.isEmpty else { return }
        let (starts, items) = WeighedFeatures.flatten(pending)
        (start, target, value) = (starts, items.map(\.target), items.map(\.value))
        pending = []
    }

    /// Adds each of the feature's weights to its target's score.
    func add(feature: Int, to score: inout [Float]) {
        guard feature + 1 < start.count else { return }
        for index in Int(start[feature])..<Int(start[feature + 1]) { score[Int(target[index])] += value[index] }
    }

    /// The feature's weight for one target, or 0.
    func weight(feature: Int, target position: Int) -> Float {
        guard feature + 1 < start.count else { return 0 }
        for index in Int(start[feature])..<Int(start[feature + 1]) where target[index] == Int32(position) { return value[index] }
        return 0
    }
}
