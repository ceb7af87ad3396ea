/// An immutable set of word hashes (``fnv1a64(_:)`` values), probed on the hash's own bits.
///
/// The standard `Set<UInt64>` hashes every key again with SipHash on each look-up; these keys are
/// hashes already, so a power-of-two table indexed by their high bits answers with a load and a compare.
struct WordSet: Sendable {
  /// Slots; 0 marks an empty one (a word hashing to 0 is kept in `hasZero`).
  private let slots: [UInt64]
  private let hasZero: Bool

  init<S: Sequence>(_ hashes: S) where S.Element == UInt64 {
    let all = Array(hashes)
    var capacity = 16
    while capacity < all.count * 2 { capacity *= 2 }
    var slots = [UInt64](repeating: 0, count: capacity)
    var zero = false
    for h in all {
      if h == 0 {
        zero = true
        continue
      }
      var k = WordSet.index(h, capacity - 1)
      while slots[k] != 0 && slots[k] != h { k = (k + 1) & (capacity - 1) }
      slots[k] = h
    }
    self.slots = slots
    hasZero = zero
  }

  @inline(__always) static func index(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h >> 20) & mask }

  /// Whether the hash is in the set.
  @inline(__always) func contains(_ h: UInt64) -> Bool {
    if h == 0 { return hasZero }
    let mask = slots.count - 1
    var k = WordSet.index(h, mask)
    while true {
      let s = slots[k]
      if s == h { return true }
      if s == 0 { return false }
      k = (k + 1) & mask
    }
  }
}
