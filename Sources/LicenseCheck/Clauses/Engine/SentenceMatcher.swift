/// Every catalogued phrase set compiled into one table, run once per sentence.
///
/// The rules ask each sentence about 130 phrase-set questions; scanning the sentence for each set
/// was a quarter of the analysis. The matcher instead looks every word of a sentence up once in a
/// table of the first words of all phrases of all sets, checks the phrases starting there, and
/// records which sets have a phrase matching somewhere (a bitset) and where each phrase matched.
/// A question about a set then costs a bit test when the set matches nowhere, and otherwise a walk
/// over the recorded matches that picks, at the first position where one of the set's phrases
/// matched and fits the range, the phrase a scan of the set would have picked (``phraseKey``), which
/// gives exactly what scanning every position gave (a position where no phrase of the set matches
/// can never be a result). Sets not in the catalogue (built at run time from defined terms) are
/// scanned as before.
final class SentenceMatcher: Sendable {
  /// Number of distinct sets and 64-bit words per set bitset.
  let setCount: Int
  let setWords: Int
  /// Open-addressing table from the identity of a catalogued set's storage (its address; 0 marks
  /// an empty slot) to the set's slot plus one: a question finds its set's slot without hashing or
  /// comparing patterns. A set built elsewhere with the same patterns is not found and is scanned,
  /// with the same answers.
  let setIds: [UInt]
  let setSlots: [Int32]
  /// The catalogued sets' storages, kept alive so no other set can reuse their addresses.
  let storages: [PhraseSetStorage]
  /// For phrase `p`, the sets holding it: bits `members[p * setWords ..< (p + 1) * setWords]`.
  let members: [UInt64]

  /// Every distinct phrase as pieces back to back: `pieceStart[p]..<pieceStart[p + 1]`. A piece
  /// is a word hash (`pieceKind` 0), a prefix (`pieceKind` 1, bytes `prefixBytes[prefixStart[k]..<prefixEnd[k]]`)
  /// or any word (`pieceKind` 2).
  let pieceStart: [Int32]
  let pieceKind: [UInt8]
  let pieceHash: [UInt64]
  let prefixStart: [Int32]
  let prefixEnd: [Int32]
  let prefixBytes: [UInt8]
  /// Phrase id lists, back to back; the tables below hold ranges into it.
  let lists: [Int32]
  /// By first word (open addressing on the hash): the one-word phrases of that word
  /// (`singleFrom..<singleTo`, matched by the look-up itself), the phrases whose later pieces are not
  /// all words (`otherFrom..<otherTo`, checked piece by piece), and whether plain phrases of two or
  /// more words start with it (then the pair table is asked).
  let firstKeys: [UInt64]
  let firstEntry: [Int32]
  let singleFrom: [Int32]
  let singleTo: [Int32]
  let otherFrom: [Int32]
  let otherTo: [Int32]
  let hasPairs: [Bool]
  /// By first two words: the plain phrases of two or more words starting with them.
  let pairKeys1: [UInt64]
  let pairKeys2: [UInt64]
  let pairFrom: [Int32]
  let pairTo: [Int32]
  /// 1024-bit filter of first words (as in ``PhraseSet/firstWordFilter``).
  let firstWordFilter: [UInt64]
  /// Distinct prefixes that start phrases (one-byte prefixes by byte, then the longer ones by their
  /// first two bytes): `leadPrefix` (a piece index holding the prefix bytes) and `leadFrom`/`leadTo`
  /// (the phrases), found through the trie below.
  let leadPrefix: [Int32]
  let leadFrom: [Int32]
  let leadTo: [Int32]
  /// Phrases starting with any word (or an empty prefix), tried at every position.
  let anyFirst: [Int32]
  /// For phrase `p`, the slots of the sets holding it: `memberSlots[memberStart[p]..<memberStart[p + 1]]`
  /// (most phrases belong to one or two sets, so setting their bits is cheaper than OR-ing the
  /// whole bitset row of ``members``).
  let memberStart: [Int32]
  let memberSlots: [Int32]
  /// For phrase `p`, its piece count, with bit 15 set when its first piece is a plain word. A set
  /// tries the phrases starting with the word at a position longest first and only then the others
  /// (prefix or any word first), so at one position the matching phrase with the largest key that
  /// fits is the one a scan of the set finds.
  let phraseKey: [UInt64]
  /// The lead prefixes as a byte trie, so a word's prefixes are found in one walk over its bytes
  /// instead of comparing every prefix that shares its first two bytes. Node 0 is the root. The
  /// bytes the prefixes use are numbered `1...` (`trieSymbol[b]`, 0 for a byte no prefix uses), and
  /// the child of `node` by byte `b` is `trieNext[node * trieWidth + trieSymbol[b]]` (-1 for none;
  /// column 0 is always -1): a step is two loads, not a hash probe. `trieLead[node]` is the index of
  /// the lead prefix ending at the node (into ``leadFrom``/``leadTo``), or -1.
  let trieSymbol: [UInt8]
  let trieWidth: Int
  let trieNext: [Int32]
  let trieLead: [Int32]

  init(_ sets: [PhraseSet]) {
    // Phrases are told apart by the pattern as written (the same words written two ways are two
    // phrases: harmless, and cheaper than hashing the compiled pieces).
    // Distinct patterns by the FNV-1a hash of their bytes (open addressing, the pattern compared on
    // a hash match): a `[String: Int32]` hashed every pattern with SipHash.
    var phrases: [Phrase] = []
    let patternCount = sets.reduce(0) { $0 + $1.patterns.count }
    var indexCapacity = 16
    while indexCapacity < patternCount * 2 { indexCapacity *= 2 }
    var indexHashes = [UInt64](repeating: 0, count: indexCapacity)
    var indexIds = [Int32](repeating: -1, count: indexCapacity)
    var keyed: [UInt64: [Int]] = [:]
    var patterns: [[String]] = []
    // At most one slot per set, so this many words hold every slot's bit.
    let setWords = Swift.max(1, (sets.count + 63) / 64)
    var members: [UInt64] = []
    func add(_ ph: Phrase, _ slot: Int) {
      var pattern = ph.description
      let h = pattern.withUTF8 { fnv1a64($0) }
      var k = Int(truncatingIfNeeded: h >> 7) & (indexCapacity - 1)
      while indexIds[k] >= 0, indexHashes[k] != h || phrases[Int(indexIds[k])].description != ph.description {
        k = (k + 1) & (indexCapacity - 1)
      }
      let id: Int
      if indexIds[k] >= 0 {
        id = Int(indexIds[k])
      } else {
        id = phrases.count
        indexHashes[k] = h
        indexIds[k] = Int32(id)
        phrases.append(ph)
        members.append(contentsOf: repeatElement(0, count: setWords))
      }
      members[id * setWords + slot / 64] |= 1 << UInt64(slot % 64)
    }
    var setSlot: [Int] = []
    for set in sets {
      // Sets with the same patterns share a slot (identical sets give identical answers).
      var slot = -1
      for s in keyed[set.key, default: []] where patterns[s] == set.patterns { slot = s }
      if slot < 0 {
        slot = patterns.count
        patterns.append(set.patterns)
        keyed[set.key, default: []].append(slot)
      }
      setSlot.append(slot)
      for list in set.lists {
        for ph in list { add(ph, slot) }
      }
      for ph in set.others { add(ph, slot) }
    }
    setCount = patterns.count
    self.setWords = setWords
    self.members = members
    var capacity = 16
    while capacity < sets.count * 2 { capacity *= 2 }
    var si = [UInt](repeating: 0, count: capacity)
    var ss = [Int32](repeating: 0, count: capacity)
    for (set, slot) in zip(sets, setSlot) {
      let id = UInt(bitPattern: ObjectIdentifier(set.storage))
      var k = SentenceMatcher.idSlot(id, capacity - 1)
      while ss[k] != 0, si[k] != id { k = (k + 1) & (capacity - 1) }
      si[k] = id
      ss[k] = Int32(slot + 1)
    }
    setIds = si
    setSlots = ss
    storages = sets.map(\.storage)

    // Flat pieces.
    var pieceStart: [Int32] = []
    var pieceKind: [UInt8] = []
    var pieceHash: [UInt64] = []
    var prefixStart: [Int32] = []
    var prefixEnd: [Int32] = []
    var prefixBytes: [UInt8] = []
    for ph in phrases {
      pieceStart.append(Int32(pieceKind.count))
      for piece in ph.pieces {
        switch piece {
        case .word(let h):
          pieceKind.append(0)
          pieceHash.append(h)
          prefixStart.append(0)
          prefixEnd.append(0)
        case .prefix(let b):
          pieceKind.append(1)
          pieceHash.append(0)
          prefixStart.append(Int32(prefixBytes.count))
          prefixBytes.append(contentsOf: b)
          prefixEnd.append(Int32(prefixBytes.count))
        case .any:
          pieceKind.append(2)
          pieceHash.append(0)
          prefixStart.append(0)
          prefixEnd.append(0)
        }
      }
    }
    pieceStart.append(Int32(pieceKind.count))

    // Grouping.
    // First words and first word pairs grouped in first-seen order, each group found by open
    // addressing on the hashes' own bits (dictionaries hashed each key again with SipHash).
    var groupCapacity = 16
    while groupCapacity < phrases.count * 2 { groupCapacity *= 2 }
    let groupMask = groupCapacity - 1
    var firstKeyAt = [UInt64](repeating: 0, count: groupCapacity)
    var firstGroupAt = [Int32](repeating: -1, count: groupCapacity)
    var firstOrder: [UInt64] = []
    var singlesOf: [[Int32]] = []
    var othersOf: [[Int32]] = []
    var pairsFirst: [Bool] = []
    var pairKeyAt = [WordPair](repeating: WordPair(first: 0, second: 0), count: groupCapacity)
    var pairGroupAt = [Int32](repeating: -1, count: groupCapacity)
    var pairOrder: [WordPair] = []
    var pairsOf: [[Int32]] = []
    var leads: [[UInt8]: [Int32]] = [:]
    var leadOrder: [[UInt8]] = []
    var anyFirst: [Int32] = []
    for (p, ph) in phrases.enumerated() {
      let id = Int32(p)
      switch ph.pieces.first {
      case .word(let h):
        var k = Int(truncatingIfNeeded: h >> 10) & groupMask
        while firstGroupAt[k] >= 0, firstKeyAt[k] != h { k = (k + 1) & groupMask }
        if firstGroupAt[k] < 0 {
          firstKeyAt[k] = h
          firstGroupAt[k] = Int32(firstOrder.count)
          firstOrder.append(h)
          singlesOf.append([])
          othersOf.append([])
          pairsFirst.append(false)
        }
        let g = Int(firstGroupAt[k])
        if ph.pieces.count == 1 {
          singlesOf[g].append(id)
        } else if let words = ph.words {
          let key = WordPair(first: h, second: words[1])
          var q = SentenceMatcher.pairSlot(key.first, key.second, groupMask)
          while pairGroupAt[q] >= 0, pairKeyAt[q] != key { q = (q + 1) & groupMask }
          if pairGroupAt[q] < 0 {
            pairKeyAt[q] = key
            pairGroupAt[q] = Int32(pairOrder.count)
            pairOrder.append(key)
            pairsOf.append([])
          }
          pairsOf[Int(pairGroupAt[q])].append(id)
          pairsFirst[g] = true
        } else {
          othersOf[g].append(id)
        }
      case .prefix(let b) where !b.isEmpty:
        if leads[b] == nil { leadOrder.append(b) }
        leads[b, default: []].append(id)
      default:
        anyFirst.append(id)
      }
    }
    var lists: [Int32] = []
    capacity = 16
    while capacity < firstOrder.count * 2 { capacity *= 2 }
    var fk = [UInt64](repeating: 0, count: capacity)
    var fe = [Int32](repeating: 0, count: capacity)
    var sf: [Int32] = []
    var st: [Int32] = []
    var of: [Int32] = []
    var ot: [Int32] = []
    var hp: [Bool] = []
    var filter = PhraseSet.Bits()
    for (g, h) in firstOrder.enumerated() {
      sf.append(Int32(lists.count))
      lists.append(contentsOf: singlesOf[g])
      st.append(Int32(lists.count))
      of.append(Int32(lists.count))
      lists.append(contentsOf: othersOf[g])
      ot.append(Int32(lists.count))
      hp.append(pairsFirst[g])
      var k = Int(truncatingIfNeeded: h >> 10) & (capacity - 1)
      while fe[k] != 0 { k = (k + 1) & (capacity - 1) }
      fk[k] = h
      fe[k] = Int32(sf.count)
      filter.insert(h)
    }
    firstKeys = fk
    firstEntry = fe
    singleFrom = sf
    singleTo = st
    otherFrom = of
    otherTo = ot
    hasPairs = hp
    firstWordFilter = withUnsafeBytes(of: filter.w) { Array($0.bindMemory(to: UInt64.self)) }
    capacity = 16
    while capacity < pairOrder.count * 2 { capacity *= 2 }
    var pk1 = [UInt64](repeating: 0, count: capacity)
    var pk2 = [UInt64](repeating: 0, count: capacity)
    var pf = [Int32](repeating: -1, count: capacity)
    var pt = [Int32](repeating: -1, count: capacity)
    for (g, key) in pairOrder.enumerated() {
      var k = SentenceMatcher.pairSlot(key.first, key.second, capacity - 1)
      while pf[k] >= 0 { k = (k + 1) & (capacity - 1) }
      pk1[k] = key.first
      pk2[k] = key.second
      pf[k] = Int32(lists.count)
      lists.append(contentsOf: pairsOf[g])
      pt[k] = Int32(lists.count)
    }
    pairKeys1 = pk1
    pairKeys2 = pk2
    pairFrom = pf
    pairTo = pt
    var lp: [Int32] = []
    var lf: [Int32] = []
    var lt: [Int32] = []
    func addLead(_ prefix: [UInt8]) {
      let ids = leads[prefix, default: []]
      lp.append(pieceStart[Int(ids[0])])
      lf.append(Int32(lists.count))
      lists.append(contentsOf: ids)
      lt.append(Int32(lists.count))
    }
    let short = Dictionary(grouping: leadOrder.filter { $0.count == 1 }, by: { Int($0[0]) })
    for b in short.keys.sorted() {
      for prefix in short[b, default: []] { addLead(prefix) }
    }
    let long = Dictionary(grouping: leadOrder.filter { $0.count >= 2 }, by: { Int($0[0]) << 8 | Int($0[1]) })
    for key in long.keys.sorted() {
      for prefix in long[key, default: []] { addLead(prefix) }
    }
    // The trie over the lead prefixes (`lp` is in lead order, so lead `l` holds prefix
    // `prefixBytes[prefixStart[lp[l]]..<prefixEnd[lp[l]]]`).
    var transitions: [UInt32: Int32] = [:]
    var trieLead: [Int32] = [-1]
    for l in 0..<lp.count {
      var node: Int32 = 0
      let k = Int(lp[l])
      for j in Int(prefixStart[k])..<Int(prefixEnd[k]) {
        let key = UInt32(node) << 8 | UInt32(prefixBytes[j])
        if let child = transitions[key] {
          node = child
        } else {
          let child = Int32(trieLead.count)
          trieLead.append(-1)
          transitions[key] = child
          node = child
        }
      }
      trieLead[Int(node)] = Int32(l)
    }
    var symbol = [UInt8](repeating: 0, count: 256)
    var width = 1
    for key in transitions.keys.sorted() where symbol[Int(key & 0xFF)] == 0 {
      precondition(width < 256)
      symbol[Int(key & 0xFF)] = UInt8(width)
      width += 1
    }
    var next = [Int32](repeating: -1, count: trieLead.count * width)
    for (key, child) in transitions {
      next[Int(key >> 8) * width + Int(symbol[Int(key & 0xFF)])] = child
    }
    trieSymbol = symbol
    trieWidth = width
    trieNext = next
    self.trieLead = trieLead
    var ms: [Int32] = [0]
    var mslots: [Int32] = []
    for p in 0..<phrases.count {
      for w in 0..<setWords {
        var bits = members[p * setWords + w]
        while bits != 0 {
          mslots.append(Int32(w * 64 + bits.trailingZeroBitCount))
          bits &= bits - 1
        }
      }
      ms.append(Int32(mslots.count))
    }
    memberStart = ms
    memberSlots = mslots
    // Sentence views pack a phrase id into 24 bits.
    precondition(phrases.count < 1 << 24, "too many phrases")
    phraseKey = phrases.map { ph in
      precondition(ph.count < 0x8000, "phrase too long: \(ph.description)")
      if case .word = ph.pieces.first { return 0x8000 | UInt64(ph.count) }
      return UInt64(ph.count)
    }
    leadPrefix = lp
    leadFrom = lf
    leadTo = lt
    self.anyFirst = anyFirst
    self.lists = lists
    self.pieceStart = pieceStart
    self.pieceKind = pieceKind
    self.pieceHash = pieceHash
    self.prefixStart = prefixStart
    self.prefixEnd = prefixEnd
    self.prefixBytes = prefixBytes
  }

  /// The first two word hashes of a phrase (a dictionary key that needs no array).
  struct WordPair: Equatable {
    let first: UInt64
    let second: UInt64
  }

  @inline(__always) static func pairSlot(_ a: UInt64, _ b: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: ((a >> 10) &* 0x9E37_79B9_7F4A_7C15) ^ (b >> 10)) & mask
  }

  @inline(__always) static func idSlot(_ id: UInt, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: ((id >> 4) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
  }

  /// The catalogue slot of a set, or nil for a set the matcher was not built with.
  @inline(__always) func slot(of set: PhraseSet) -> Int? {
    let id = UInt(bitPattern: ObjectIdentifier(set.storage))
    let mask = setIds.count - 1
    var k = SentenceMatcher.idSlot(id, mask)
    while true {
      let s = setSlots[k]
      if s == 0 { return nil }
      if setIds[k] == id { return Int(s) - 1 }
      k = (k + 1) & mask
    }
  }

  /// The table entry of a first word, or -1.
  @inline(__always) func firstIndex(_ h: UInt64) -> Int {
    guard firstWordFilter[Int((h >> 6) & 15)] & (1 << (h & 63)) != 0 else { return -1 }
    let mask = firstKeys.count - 1
    var k = Int(truncatingIfNeeded: h >> 10) & mask
    while true {
      let e = firstEntry[k]
      if e == 0 { return -1 }
      if firstKeys[k] == h { return Int(e) - 1 }
      k = (k + 1) & mask
    }
  }

  /// The plain phrases starting with these two words, as a range of ``lists``.
  @inline(__always) func pairRange(_ a: UInt64, _ b: UInt64) -> Range<Int>? {
    let mask = pairKeys1.count - 1
    var k = SentenceMatcher.pairSlot(a, b, mask)
    while true {
      let f = pairFrom[k]
      if f < 0 { return nil }
      if pairKeys1[k] == a, pairKeys2[k] == b { return Int(f)..<Int(pairTo[k]) }
      k = (k + 1) & mask
    }
  }
}

/// The phrase sets the matcher is built with: every set a rule declares (`static let`), listed by
/// the file that declares it (each file's list sits at its end, where its file-private sets are
/// visible). A set missing here is still matched correctly, by a scan of the sentence.
enum PhraseCatalogue {
  static let all: [PhraseSet] = Array(
    [
      unexplained, banScope, extractionContext, lexicon, segments, bans, commercialLimits, fieldOfUse, grants, legal,
      licensorRights, obligations, restrictions, usageCap, documentClassifier,
    ].joined())

  static let matcher = SentenceMatcher(all)
}
