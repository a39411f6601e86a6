import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

/// Text in another encoding turned into UTF-8 a block at a time, by the C library's iconv
/// (glibc knows GB18030 and GBK): a character cut by the end of a block is finished with
/// the next one.
final class Transcoder {
    private let descriptor: iconv_t
    /// The start of a character the last block ended in the middle of.
    private var carry: [UInt8] = []

    /// A converter from `encoding`, or nil when the C library does not know it.
    init?(from encoding: TextEncoding) {
        let name: String
        switch encoding {
        case .utf8: return nil
        case .gb18030: name = "GB18030"
        case .gbk: name = "GBK"
        }
        guard let d = iconv_open("UTF-8", name), d != iconv_t(bitPattern: -1) else { return nil }
        descriptor = d
    }

    deinit { iconv_close(descriptor) }

    /// The UTF-8 of `bytes` (after what the last call left unfinished); `valid` is false at a
    /// byte sequence that is not the encoding's, or a character cut off by the end of the
    /// file (`atEnd`): what came before it is returned.
    func convert(_ bytes: ArraySlice<UInt8>, atEnd: Bool) -> (utf8: [UInt8], valid: Bool) {
        var input = carry + bytes
        carry = []
        // Two bytes of GB18030 are at most three of UTF-8, four are four: twice is enough.
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count, outLeft = output.count
        var failure: Int32 = 0
        input.withUnsafeMutableBytes { ib in
            output.withUnsafeMutableBytes { ob in
                var ip = ib.baseAddress?.assumingMemoryBound(to: CChar.self)
                var op = ob.baseAddress?.assumingMemoryBound(to: CChar.self)
                if iconv(descriptor, &ip, &inLeft, &op, &outLeft) == -1 { failure = errno }
            }
        }
        let converted = Array(output[..<(output.count - outLeft)])
        switch failure {
        case 0: return (converted, true)
        case EINVAL where !atEnd:
            carry = Array(input.suffix(inLeft))
            return (converted, true)
        default: return (converted, false)
        }
    }
}
