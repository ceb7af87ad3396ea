/// SHA-256 (FIPS 180-4), so that `source.sha256` needs no crypto dependency.
enum SHA256 {
  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  static func digest(_ message: [UInt8]) -> [UInt8] {
    var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
      0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    // Whole blocks straight from the message; only the last one or two are padded in a copy.
    let full = message.count / 64 * 64
    var tail = Array(message[full...])
    let bitLength = UInt64(message.count) &* 8
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      k.withUnsafeBufferPointer { k in
        message.withUnsafeBufferPointer { m in
          var chunk = 0
          while chunk < full {
            compress(UnsafeBufferPointer(rebasing: m[chunk..<(chunk + 64)]), &h, w, k)
            chunk += 64
          }
        }
        tail.withUnsafeBufferPointer { t in
          var chunk = 0
          while chunk < t.count {
            compress(UnsafeBufferPointer(rebasing: t[chunk..<(chunk + 64)]), &h, w, k)
            chunk += 64
          }
        }
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for v in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
      for s in [24, 16, 8, 0] { out.append(UInt8(truncatingIfNeeded: v >> UInt32(s))) }
    }
    return out
  }

  /// One 64-byte block into the state (unchecked pointers: this runs over every input file).
  ///
  /// The message schedule is expanded first; the 64 rounds then run eight at a time with the
  /// working variables renamed between calls instead of shifted, so each round is only its own
  /// arithmetic (about 60 instead of 77 instructions per input byte).
  @inline(__always) private static func compress(
    _ block: UnsafeBufferPointer<UInt8>, _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
    _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>
  ) {
    let raw = UnsafeRawPointer(block.baseAddress!)
    let wp = w.baseAddress!
    let kp = k.baseAddress!
    for i in 0..<16 {
      wp[i] = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
    }
    var i = 16
    while i < 64 {
      let x = wp[i &- 15]
      let y = wp[i &- 2]
      // σ0 and σ1 with nested rotations (one copy of the word each, not three).
      let s0 = rotr(rotr(x, 11) ^ x, 7) ^ (x &>> 3)
      let s1 = rotr(rotr(y, 2) ^ y, 17) ^ (y &>> 10)
      wp[i] = wp[i &- 16] &+ s0 &+ wp[i &- 7] &+ s1
      i &+= 1
    }
    var (a, b, c, d, e, f, g, hh) = h
    // b ⊕ c of the next round is a ⊕ b of this one: Maj carries it (see `round`).
    var bc = b ^ c
    i = 0
    while i < 64 {
      round(a, b, &d, e, f, g, &hh, kp[i] &+ wp[i], &bc)
      round(hh, a, &c, d, e, f, &g, kp[i &+ 1] &+ wp[i &+ 1], &bc)
      round(g, hh, &b, c, d, e, &f, kp[i &+ 2] &+ wp[i &+ 2], &bc)
      round(f, g, &a, b, c, d, &e, kp[i &+ 3] &+ wp[i &+ 3], &bc)
      round(e, f, &hh, a, b, c, &d, kp[i &+ 4] &+ wp[i &+ 4], &bc)
      round(d, e, &g, hh, a, b, &c, kp[i &+ 5] &+ wp[i &+ 5], &bc)
      round(c, d, &f, g, hh, a, &b, kp[i &+ 6] &+ wp[i &+ 6], &bc)
      round(b, c, &e, f, g, hh, &a, kp[i &+ 7] &+ wp[i &+ 7], &bc)
      i &+= 8
    }
    h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
  }

  /// One round: `d += T1` and `h = T1 + T2`; the caller renames the variables for the next round.
  /// Maj(a, b, c) is b ⊕ ((a ⊕ b) ∧ (b ⊕ c)), and this round's a ⊕ b is the next one's b ⊕ c, passed
  /// along in `bc` (so `c` itself is not needed).
  @inline(__always) private static func round(
    _ a: UInt32, _ b: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
    _ kw: UInt32, _ bc: inout UInt32
  ) {
    // Σ1(e) = e⋙6 ⊕ e⋙11 ⊕ e⋙25 and Σ0(a) = a⋙2 ⊕ a⋙13 ⊕ a⋙22, each as nested rotations of one
    // copy: fewer register moves than three rotated copies (x86-64 has no three-operand rotate).
    let t1 = h &+ rotr(rotr(rotr(e, 14) ^ e, 5) ^ e, 6) &+ (g ^ (e & (f ^ g))) &+ kw
    let ab = a ^ b
    let t2 = rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2) &+ (b ^ (ab & bc))
    bc = ab
    d = d &+ t1
    h = t1 &+ t2
  }

  static func hexDigest(_ message: [UInt8]) -> String {
    let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in digest(message) {
      out.append(hex[Int(b >> 4)])
      out.append(hex[Int(b & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}
