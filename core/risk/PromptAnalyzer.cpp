#include "core/risk/PromptAnalyzer.h"

#include "core/risk/Hashing.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
// AVX-512 (F, BW, DQ, VL) stages, compiled for that target and chosen at run time when the CPU has it.
#define MG_RISK_AVX512 1
#define MG_RISK_AVX512_TARGET __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl")))
#define MG_RISK_AVX512_INLINE MG_RISK_AVX512_TARGET __attribute__((always_inline)) inline
#else
#define MG_RISK_AVX512 0
#endif

namespace modelguard::risk {

namespace {

using detail::combine;
using detail::mix64;
using detail::wordHash;

/// Eight bytes as one big-endian word: the first byte is the most significant, as in wordHash().
inline std::uint64_t load8(const unsigned char* p) noexcept
{
    std::uint64_t v = 0;
    std::memcpy(&v, p, sizeof v);
    if constexpr (std::endian::native == std::endian::little) {
        v = __builtin_bswap64(v);
    }
    return v;
}

/// ASCII 'A'-'Z' to lower case in each byte of v; every other byte (including >= 0x80) unchanged.
constexpr std::uint64_t lower8(std::uint64_t v) noexcept
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    const std::uint64_t low7 = v & ~kHigh;
    const std::uint64_t atLeastA = low7 + kOnes * (0x80 - 'A');
    const std::uint64_t aboveZ = low7 + kOnes * (0x80 - 'Z' - 1);
    const std::uint64_t upper = atLeastA & ~aboveZ & ~v & kHigh;
    return v | (upper >> 2);
}

// Byte classes, as bit masks over the analysed region (bit i of mask[b] is byte 64 * b + i). Word bytes are ASCII
// letters and digits, the apostrophe and every byte >= 0x80; quote bytes (" and `) and all other bytes separate
// words, and each quote byte toggles the "inside a quoted span" state.
struct ByteMasks
{
    std::uint64_t word = 0;
    std::uint64_t digit = 0;
    std::uint64_t quote = 0;
};

/// Portable classification of 64 bytes, 8 per 64-bit step (SWAR): per-byte comparisons leave their result in each
/// byte's top bit, and one multiplication gathers the eight top bits into a byte. Writes the bytes lower-cased to
/// `lowered` (ASCII letters only).
ByteMasks classifyPortable(const unsigned char* p, unsigned char* lowered) noexcept
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    // Top bit of each byte: x >= c, for 7-bit bytes x (no carry crosses a byte).
    const auto atLeast = [](std::uint64_t x, unsigned c) { return (x + kOnes * (0x80 - c)) & kHigh; };
    // Top bit of each byte: x == c, for 7-bit bytes x and c.
    const auto equal = [](std::uint64_t x, unsigned c) { return ~((x ^ (kOnes * c)) + kOnes * 0x7F) & kHigh; };
    // Top bits of the eight bytes (first byte lowest) as bits 0-7.
    const auto gather = [](std::uint64_t m) { return ((m >> 7) * 0x0102040810204080ULL) >> 56; };
    ByteMasks out;
    for (int i = 0; i < 8; ++i) {
        std::uint64_t v = 0;
        std::memcpy(&v, p + 8 * i, sizeof v);
        const std::uint64_t lower = lower8(v);
        std::memcpy(lowered + 8 * i, &lower, sizeof lower);
        if constexpr (std::endian::native == std::endian::big) {
            v = __builtin_bswap64(v);
        }
        const std::uint64_t high = v & kHigh;
        const std::uint64_t low7 = v & ~kHigh;
        const std::uint64_t folded = low7 | (kOnes * 0x20); // 'A'-'Z' onto 'a'-'z'
        const std::uint64_t letter = atLeast(folded, 'a') & ~atLeast(folded, 'z' + 1);
        const std::uint64_t digit = atLeast(low7, '0') & ~atLeast(low7, '9' + 1) & ~high;
        const std::uint64_t apostrophe = equal(low7, '\'') & ~high;
        const std::uint64_t quote = (equal(low7, '"') | equal(low7, '`')) & ~high;
        const int shift = 8 * i;
        out.word |= gather(letter | digit | apostrophe | high) << shift;
        out.digit |= gather(digit) << shift;
        out.quote |= gather(quote) << shift;
    }
    return out;
}

#if defined(__SSE2__)
/// The same classification with SSE2 (part of the x86-64 baseline), 16 bytes per step.
ByteMasks classifySse2(const unsigned char* p, unsigned char* lowered) noexcept
{
    const __m128i caseBit = _mm_set1_epi8(0x20);
    const __m128i upperBias = _mm_set1_epi8(static_cast<char>(0x80 - 'A'));
    const __m128i letterBias = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
    const __m128i letterLimit = _mm_set1_epi8(static_cast<char>(-128 + 26));
    const __m128i digitBias = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
    const __m128i digitLimit = _mm_set1_epi8(static_cast<char>(-128 + 10));
    const __m128i apostrophe = _mm_set1_epi8('\'');
    const __m128i doubleQuote = _mm_set1_epi8('"');
    const __m128i backQuote = _mm_set1_epi8('`');
    ByteMasks out;
    for (int i = 0; i < 4; ++i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
        // Unsigned range tests as signed comparisons: the range is moved to the bottom of the signed bytes.
        const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, caseBit), letterBias), letterLimit);
        const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(v, upperBias), letterLimit);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(lowered + 16 * i), _mm_or_si128(v, _mm_and_si128(upper, caseBit)));
        const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, digitBias), digitLimit);
        const __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), _mm_or_si128(_mm_cmpeq_epi8(v, apostrophe), v));
        const __m128i quote = _mm_or_si128(_mm_cmpeq_epi8(v, doubleQuote), _mm_cmpeq_epi8(v, backQuote));
        const int shift = 16 * i;
        out.word |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(word))) << shift;
        out.digit |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(digit))) << shift;
        out.quote |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(quote))) << shift;
    }
    return out;
}
#endif

#if MG_RISK_AVX512
// GCC 12's AVX-512 intrinsics pass an "undefined" vector that -W(maybe-)uninitialized reports (GCC
// bug 105593, fixed in 12.3).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

#if MG_RISK_AVX512
/// The same classification with AVX-512 (BW), 64 bytes per step.
MG_RISK_AVX512_TARGET ByteMasks classifyAvx512(const unsigned char* p, unsigned char* lowered) noexcept
{
    const __m512i v = _mm512_loadu_si512(p);
    const __mmask64 upper = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8('A')), _mm512_set1_epi8(26));
    const __mmask64 lower = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8('a')), _mm512_set1_epi8(26));
    const __mmask64 digit = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8('0')), _mm512_set1_epi8(10));
    const __mmask64 high = _mm512_movepi8_mask(v);
    const __mmask64 apostrophe = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\''));
    const __mmask64 quote =
        _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('"')) | _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('`'));
    _mm512_storeu_si512(lowered, _mm512_mask_add_epi8(v, upper, v, _mm512_set1_epi8(0x20)));
    ByteMasks out;
    out.word = upper | lower | digit | high | apostrophe;
    out.digit = digit;
    out.quote = quote;
    return out;
}
#endif

/// Bit i of the result: the parity of bits 0..i of x.
constexpr std::uint64_t prefixXor(std::uint64_t x) noexcept
{
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

enum PhraseFlag : std::uint8_t { kLong = 1, kCot = 2, kSys = 4, kJail = 8, kStruct = 16 };

struct Phrase
{
    std::string_view first;
    std::string_view second; ///< empty for a single word
    std::uint8_t flags;
};

/// Word hashes are already avalanched, so pairs and shingles only need a cheap asymmetric combination.
constexpr std::uint64_t bigramHash(std::uint64_t a, std::uint64_t b) noexcept
{
    return (a * 0x9e3779b97f4a7c15ULL) ^ b;
}

// Phrases are matched as single lower-case words or adjacent word pairs (punctuation separates words).
constexpr Phrase kPhrases[] = {
    // long or structured output
    {"json", "", kStruct},
    {"yaml", "", kStruct},
    {"csv", "", kStruct},
    {"xml", "", kStruct},
    {"detailed", "", kLong},
    {"comprehensive", "", kLong},
    {"thorough", "", kLong},
    {"thoroughly", "", kLong},
    {"exhaustive", "", kLong},
    {"elaborate", "", kLong},
    {"essay", "", kLong},
    {"in", "detail", kLong},
    {"in", "depth", kLong},
    {"return", "only", kStruct},
    {"output", "only", kStruct},
    {"only", "output", kStruct},
    {"respond", "only", kStruct},
    {"following", "format", kStruct},
    {"at", "least", kLong},
    {"long", "form", kLong},
    {"markdown", "table", kStruct},
    {"numbered", "list", kStruct},
    {"full", "explanation", kLong},
    {"complete", "answer", kLong},
    {"word", "essay", kLong},
    {"words", "long", kLong},
    // reasoning elicitation
    {"step", "by", kCot},
    {"by", "step", kCot},
    {"your", "reasoning", kCot},
    {"internal", "reasoning", kCot},
    {"reasoning", "trace", kCot},
    {"reasoning", "process", kCot},
    {"thought", "process", kCot},
    {"of", "thought", kCot},
    {"think", "through", kCot},
    {"you", "arrived", kCot},
    {"articulate", "", kCot},
    {"show", "your", kCot},
    {"reasoning", "behind", kCot},
    // system-prompt extraction
    {"system", "prompt", kSys},
    {"your", "instructions", kSys},
    {"initial", "instructions", kSys},
    {"original", "instructions", kSys},
    {"words", "above", kSys},
    {"text", "above", kSys},
    {"everything", "above", kSys},
    {"your", "prompt", kSys},
    {"hidden", "prompt", kSys},
    {"system", "message", kSys},
    {"repeat", "everything", kSys},
    {"print", "your", kSys},
    {"reveal", "your", kSys},
    {"verbatim", "", kSys},
    // jailbreak phrasing
    {"jailbreak", "", kJail},
    {"jailbroken", "", kJail},
    {"unfiltered", "", kJail},
    {"uncensored", "", kJail},
    {"ignore", "previous", kJail},
    {"ignore", "all", kJail},
    {"ignore", "your", kJail},
    {"disregard", "all", kJail},
    {"disregard", "your", kJail},
    {"developer", "mode", kJail},
    {"no", "restrictions", kJail},
    {"without", "restrictions", kJail},
    {"any", "restrictions", kJail},
    {"pretend", "you", kJail},
    {"anything", "now", kJail},
    {"bypass", "your", kJail},
    {"no", "rules", kJail},
    {"no", "limits", kJail},
};

/// Phrase lookup: a 4096-bit prefilter, then a small open-addressed table of (hash, flags).
class PhraseTable
{
public:
    PhraseTable()
    {
        for (const auto& p : kPhrases) {
            const std::uint64_t h =
                p.second.empty() ? wordHash(p.first) : bigramHash(wordHash(p.first), wordHash(p.second));
            m_filter[(h >> 6) & 63] |= std::uint64_t {1} << (h & 63);
            std::size_t i = (h >> 20) & (kSlots - 1);
            while (m_keys[i] != 0 && m_keys[i] != h) {
                i = (i + 1) & (kSlots - 1);
            }
            m_keys[i] = h;
            m_flags[i] |= p.flags;
        }
    }
    /// False for most hashes that are not in the table, always true for those that are.
    bool mayContain(std::uint64_t h) const noexcept
    {
        return (m_filter[(h >> 6) & 63] & (std::uint64_t {1} << (h & 63))) != 0;
    }
    std::uint8_t lookup(std::uint64_t h) const noexcept
    {
        if (!mayContain(h)) {
            return 0;
        }
        for (std::size_t i = (h >> 20) & (kSlots - 1); m_keys[i] != 0; i = (i + 1) & (kSlots - 1)) {
            if (m_keys[i] == h) {
                return m_flags[i];
            }
        }
        return 0;
    }

private:
    static constexpr std::size_t kSlots = 256;
    std::array<std::uint64_t, 64> m_filter {};
    std::array<std::uint64_t, kSlots> m_keys {};
    std::array<std::uint8_t, kSlots> m_flags {};
};

const PhraseTable& phraseTable()
{
    static const PhraseTable table;
    return table;
}

constexpr std::uint64_t kWordSeed = 0x84222325cbf29ce4ULL; // must match wordHash()
constexpr std::uint64_t kMaskNumber = wordHash("<#>");
constexpr std::uint64_t kMaskQuote = wordHash("<q>");
constexpr std::uint64_t kMaskRare = wordHash("<r>");
constexpr std::size_t kRareWordLength = 13;
constexpr std::size_t kContentWordLength = 5;
constexpr std::uint64_t kValueMask = (std::uint64_t {1} << 60) - 1;

/// The longest region one feed() reads, and its number of 64-byte blocks (with the padding byte after it).
constexpr std::size_t kMaxRegion = PromptAnalyzer::kHeadBytes + PromptAnalyzer::kTailBytes;
constexpr std::size_t kMaxBlocks = kMaxRegion / 64 + 1;

constexpr std::size_t kMaxWords = kMaxRegion / 2 + 1;

/// The hash of a word from its lower-cased bytes: exactly wordHash() of them. Loads 8 bytes at a time and may read
/// up to 8 bytes past the word.
inline std::uint64_t hashWordAt(const unsigned char* q, std::size_t length) noexcept
{
    std::uint64_t hash = kWordSeed;
    std::size_t remaining = length;
    for (; remaining >= 16; remaining -= 8, q += 8) {
        hash = (hash ^ load8(q)) * 0xff51afd7ed558ccdULL;
    }
    // 1-15 bytes left: one more full step when there are at least 8, then the rest in the low bytes.
    const bool full = remaining >= 8;
    const std::uint64_t fullHash = (hash ^ load8(q)) * 0xff51afd7ed558ccdULL;
    hash = full ? fullHash : hash;
    const std::uint64_t tail = load8(q + (full ? 8 : 0));
    const std::uint64_t rest = (tail >> 8) >> (56 - 8 * (remaining & 7)); // 0 when nothing is left
    return mix64(hash ^ rest ^ (static_cast<std::uint64_t>(length) << 56));
}

/// The per-word facts of one region, filled by a word stage from the word boundaries.
struct WordFacts
{
    std::array<std::uint64_t, kMaxWords> hashes;
    /// Shingle tokens (the hash, or the number mask), after the two tokens before the region: word i is at i + 2.
    std::array<std::uint64_t, kMaxWords + 2> tokens;
    /// Bit i: word i may be a content word (no digit, at least kContentWordLength bytes, sampled by its hash).
    std::array<std::uint64_t, kMaxWords / 64 + 1> candidates;
};

/// bounds: first byte and one past the last byte of each word, alternating; plainEnds: bit set at the end of each
/// word without a digit; buffer: the region, lower-cased and padded.
void wordStageScalar(const std::uint16_t* bounds, std::size_t count, const unsigned char* buffer,
                     const std::uint64_t* plainEnds, WordFacts& facts) noexcept
{
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t first = bounds[2 * i];
        const std::size_t last = bounds[2 * i + 1];
        const std::size_t length = last - first;
        const std::uint64_t word = hashWordAt(buffer + first, length);
        const bool hasDigit = ((plainEnds[last >> 6] >> (last & 63)) & 1) == 0;
        facts.hashes[i] = word;
        facts.tokens[i + 2] = hasDigit ? kMaskNumber : word;
        const std::uint64_t candidate = static_cast<std::uint64_t>(!hasDigit)
                                        & static_cast<std::uint64_t>(length >= kContentWordLength)
                                        & static_cast<std::uint64_t>((word & 3) == 0);
        facts.candidates[i >> 6] |= candidate << (i & 63);
    }
}

/// MinHash of the shingles of words start..count-1 (3-grams of tokens) into mins.
void shingleStageScalar(const std::uint64_t* tokens, std::size_t start, std::size_t count, std::uint64_t salt,
                        std::uint64_t* mins) noexcept
{
    for (std::size_t i = start; i < count; ++i) {
        const std::uint64_t shingle =
            (tokens[i] * 0x9e3779b97f4a7c15ULL) ^ (tokens[i + 1] * 0xc2b2ae3d27d4eb4fULL) ^ tokens[i + 2];
        const std::uint64_t h = mix64(shingle ^ salt);
        mins[h >> 60] = std::min(mins[h >> 60], h & kValueMask);
    }
}

#if MG_RISK_AVX512
MG_RISK_AVX512_INLINE __m512i mix64x8(__m512i x) noexcept
{
    x = _mm512_xor_si512(x, _mm512_srli_epi64(x, 30));
    x = _mm512_mullo_epi64(x, _mm512_set1_epi64(static_cast<long long>(0xbf58476d1ce4e5b9ULL)));
    x = _mm512_xor_si512(x, _mm512_srli_epi64(x, 27));
    x = _mm512_mullo_epi64(x, _mm512_set1_epi64(static_cast<long long>(0x94d049bb133111ebULL)));
    return _mm512_xor_si512(x, _mm512_srli_epi64(x, 31));
}

/// Lanes 0..n-1 of 8.
constexpr __mmask8 firstLanes(std::size_t n) noexcept
{
    return n >= 8 ? __mmask8 {0xFF} : static_cast<__mmask8>((1U << n) - 1);
}

/// wordStageScalar() eight words at a time: gathers the words' first 16 bytes and their digit bits; words of 16
/// bytes or more (rare) are redone one by one.
MG_RISK_AVX512_TARGET void wordStageAvx512(const std::uint16_t* bounds, std::size_t count, const unsigned char* buffer,
                                           const std::uint64_t* plainEnds, WordFacts& facts) noexcept
{
    const __m512i byteSwap = _mm512_set4_epi32(0x08090a0b, 0x0c0d0e0f, 0x00010203, 0x04050607);
    const __m512i seed = _mm512_set1_epi64(static_cast<long long>(kWordSeed));
    const __m512i multiplier = _mm512_set1_epi64(static_cast<long long>(0xff51afd7ed558ccdULL));
    const __m512i numberMask = _mm512_set1_epi64(static_cast<long long>(kMaskNumber));
    const __m512i one = _mm512_set1_epi64(1);
    for (std::size_t i = 0; i < count; i += 8) {
        const __mmask8 lanes = firstLanes(count - i);
        // Each (first, last) pair of 16-bit positions as one 32-bit value, first in the low half.
        const __m512i pairs = _mm512_cvtepu32_epi64(_mm256_maskz_loadu_epi32(lanes, bounds + 2 * i));
        const __m512i first = _mm512_and_si512(pairs, _mm512_set1_epi64(0xFFFF));
        const __m512i last = _mm512_srli_epi64(pairs, 16);
        const __m512i length = _mm512_sub_epi64(last, first);
        const __mmask8 full = _mm512_mask_cmpge_epu64_mask(lanes, length, _mm512_set1_epi64(8));
        const __mmask8 longWords = _mm512_mask_cmpge_epu64_mask(lanes, length, _mm512_set1_epi64(16));
        const __m512i zero = _mm512_setzero_si512();
        const __m512i head = _mm512_shuffle_epi8(_mm512_mask_i64gather_epi64(zero, lanes, first, buffer, 1), byteSwap);
        const __m512i second = _mm512_shuffle_epi8(
            _mm512_mask_i64gather_epi64(zero, full, _mm512_add_epi64(first, _mm512_set1_epi64(8)), buffer, 1),
            byteSwap);
        const __m512i hash =
            _mm512_mask_mov_epi64(seed, full, _mm512_mullo_epi64(_mm512_xor_si512(seed, head), multiplier));
        const __m512i tail = _mm512_mask_mov_epi64(head, full, second);
        // The first (length mod 8) bytes of tail; a shift by 64 gives 0.
        const __m512i restBits = _mm512_slli_epi64(_mm512_and_si512(length, _mm512_set1_epi64(7)), 3);
        const __m512i rest = _mm512_srlv_epi64(tail, _mm512_sub_epi64(_mm512_set1_epi64(64), restBits));
        const __m512i word = mix64x8(_mm512_xor_si512(_mm512_xor_si512(hash, rest), _mm512_slli_epi64(length, 56)));
        const __m512i plain =
            _mm512_srlv_epi64(_mm512_mask_i64gather_epi64(zero, lanes, _mm512_srli_epi64(last, 6), plainEnds, 8),
                              _mm512_and_si512(last, _mm512_set1_epi64(63)));
        const __mmask8 hasDigit = _mm512_mask_testn_epi64_mask(lanes, plain, one);
        _mm512_mask_storeu_epi64(facts.hashes.data() + i, lanes, word);
        _mm512_mask_storeu_epi64(facts.tokens.data() + i + 2, lanes, _mm512_mask_mov_epi64(word, hasDigit, numberMask));
        __mmask8 candidate = _mm512_mask_cmpge_epu64_mask(
            lanes & ~hasDigit, length, _mm512_set1_epi64(static_cast<long long>(kContentWordLength)));
        candidate &= _mm512_testn_epi64_mask(word, _mm512_set1_epi64(3));
        for (unsigned longLanes = longWords; longLanes != 0; longLanes &= longLanes - 1) {
            const std::size_t w = i + static_cast<std::size_t>(std::countr_zero(longLanes));
            const std::uint64_t h = hashWordAt(buffer + bounds[2 * w], bounds[2 * w + 1] - bounds[2 * w]);
            const unsigned bit = 1U << (w - i);
            facts.hashes[w] = h;
            facts.tokens[w + 2] = (hasDigit & bit) != 0 ? kMaskNumber : h;
            candidate = static_cast<__mmask8>((candidate & ~bit) | (((hasDigit & bit) == 0 && (h & 3) == 0) ? bit : 0));
        }
        facts.candidates[i >> 6] |= static_cast<std::uint64_t>(candidate) << (i & 63);
    }
}

/// shingleStageScalar() eight shingles at a time. Each bin's minimum is kept per lane in a register (16 bins, 16
/// registers) and reduced at the end: no store to a bin is followed by a load of the same bin.
MG_RISK_AVX512_TARGET void shingleStageAvx512(const std::uint64_t* tokens, std::size_t start, std::size_t count,
                                              std::uint64_t salt, std::uint64_t* mins) noexcept
{
    const __m512i k1 = _mm512_set1_epi64(static_cast<long long>(0x9e3779b97f4a7c15ULL));
    const __m512i k2 = _mm512_set1_epi64(static_cast<long long>(0xc2b2ae3d27d4eb4fULL));
    const __m512i saltLanes = _mm512_set1_epi64(static_cast<long long>(salt));
    const __m512i valueMask = _mm512_set1_epi64(static_cast<long long>(kValueMask));
    __m512i binMins[PromptProfile::kSketchBins];
    for (auto& m : binMins) {
        m = _mm512_set1_epi64(-1);
    }
    for (std::size_t i = start; i < count; i += 8) {
        const __mmask8 lanes = firstLanes(count - i);
        const __m512i t1 = _mm512_maskz_loadu_epi64(lanes, tokens + i);
        const __m512i t2 = _mm512_maskz_loadu_epi64(lanes, tokens + i + 1);
        const __m512i t3 = _mm512_maskz_loadu_epi64(lanes, tokens + i + 2);
        const __m512i shingle =
            _mm512_xor_si512(_mm512_xor_si512(_mm512_mullo_epi64(t1, k1), _mm512_mullo_epi64(t2, k2)), t3);
        const __m512i h = mix64x8(_mm512_xor_si512(shingle, saltLanes));
        const __m512i bin = _mm512_srli_epi64(h, 60);
        const __m512i value = _mm512_and_si512(h, valueMask);
#pragma GCC unroll 16
        for (std::size_t b = 0; b < PromptProfile::kSketchBins; ++b) {
            const __mmask8 inBin =
                _mm512_mask_cmpeq_epu64_mask(lanes, bin, _mm512_set1_epi64(static_cast<long long>(b)));
            binMins[b] = _mm512_mask_min_epu64(binMins[b], inBin, binMins[b], value);
        }
    }
    for (std::size_t b = 0; b < PromptProfile::kSketchBins; ++b) {
        mins[b] = std::min<std::uint64_t>(mins[b], _mm512_reduce_min_epu64(binMins[b]));
    }
}

bool cpuHasAvx512() noexcept
{
    static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
                            && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
    return has;
}
#pragma GCC diagnostic pop
#endif

/// Word boundaries and per-word facts of one region, as found by scanRegion().
struct RegionScan
{
    /// Boundaries alternate: a word's first byte, then the byte after its last (room for 64 more: vector stores).
    std::array<std::uint16_t, kMaxRegion + 2 + 64> bounds;
    std::array<std::uint64_t, kMaxBlocks> plainEnds; ///< bit set at the end of each word without a digit
    std::array<std::uint64_t, kMaxBlocks> quoted;    ///< bytes inside a quoted span
    std::size_t boundCount = 0;
    std::uint64_t quoteState = 0; ///< all ones inside a quoted span (before the region, then after it)
};

/// Appends the positions of the bits of `boundary` (a block at `base`) to bounds, one at a time.
inline void extractBoundaries(std::uint64_t boundary, std::uint16_t base, std::uint16_t* bounds,
                              std::size_t& count) noexcept
{
    while (boundary != 0) {
        bounds[count++] = static_cast<std::uint16_t>(base + std::countr_zero(boundary));
        boundary &= boundary - 1;
    }
}

/// Classifies the region's blocks (the last one from lastBlock, a zero-padded copy), writes them lower-cased to
/// buffer, and finds every word's boundaries, whether it holds a digit and whether it lies inside a quoted span,
/// with no branch per byte or per word.
template <ByteMasks (*classify)(const unsigned char*, unsigned char*) noexcept,
          void (*extract)(std::uint64_t, std::uint16_t, std::uint16_t*, std::size_t&) noexcept>
inline void scanRegion(const unsigned char* source, const unsigned char* lastBlock, std::size_t blocks,
                       unsigned char* buffer, RegionScan& scan) noexcept
{
    std::uint64_t previousWordBit = 0;
    bool carry = false;
    std::uint64_t quoteState = scan.quoteState;
    std::size_t count = 0;
    for (std::size_t b = 0; b < blocks; ++b) {
        const ByteMasks m = classify(b + 1 < blocks ? source + 64 * b : lastBlock, buffer + 64 * b);
        const std::uint64_t after = (m.word << 1) | previousWordBit; // bytes that follow a word byte
        previousWordBit = m.word >> 63;
        const std::uint64_t start = m.word & ~after;
        // Adding the start bits to the words' non-digit bytes carries from each word's start out to its end unless
        // a digit stops it (one addition over the whole region: the carry crosses blocks).
        const std::uint64_t nonDigit = m.word & ~m.digit;
        const std::uint64_t sum = nonDigit + start;
        const std::uint64_t total = sum + (carry ? 1 : 0);
        carry = sum < nonDigit || total < sum;
        scan.plainEnds[b] = total & ~m.word;
        // The quote state at a word byte: the parity of the quote bytes before it.
        const std::uint64_t inside = prefixXor(m.quote) ^ quoteState;
        quoteState = std::uint64_t {0} - (inside >> 63);
        scan.quoted[b] = inside;
        extract(m.word ^ after, static_cast<std::uint16_t>(64 * b), scan.bounds.data(), count); // starts and ends
    }
    scan.boundCount = count;
    scan.quoteState = quoteState;
}

#if MG_RISK_AVX512
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
/// extractBoundaries() 16 bits at a time: the positions are compressed into consecutive lanes and all 16 lanes
/// stored (the ones past the last position are overwritten or ignored).
MG_RISK_AVX512_TARGET void compressBoundaries(std::uint64_t boundary, std::uint16_t base, std::uint16_t* bounds,
                                              std::size_t& count) noexcept
{
    const __m512i iota = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    for (int part = 0; part < 4; ++part) {
        const auto bits = static_cast<__mmask16>(boundary >> (16 * part));
        const __m512i positions = _mm512_add_epi32(iota, _mm512_set1_epi32(base + 16 * part));
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(bounds + count),
                            _mm512_cvtepi32_epi16(_mm512_maskz_compress_epi32(bits, positions)));
        count += static_cast<std::size_t>(std::popcount(static_cast<unsigned>(bits)));
    }
}

MG_RISK_AVX512_TARGET void scanRegionAvx512(const unsigned char* source, const unsigned char* lastBlock,
                                            std::size_t blocks, unsigned char* buffer, RegionScan& scan) noexcept
{
    scanRegion<classifyAvx512, compressBoundaries>(source, lastBlock, blocks, buffer, scan);
}
#pragma GCC diagnostic pop
#endif

class Scanner
{
public:
    Scanner(std::uint64_t salt, PromptProfile& profile) noexcept
        : m_salt(salt)
        , m_profile(profile)
        , m_phrases(phraseTable())
    {
        m_mins.fill(std::numeric_limits<std::uint64_t>::max());
    }

    /// Analyses one region of at most kMaxRegion bytes, continuing the running state.
    void feed(std::string_view text, PromptAnalyzer::Kernel kernel) noexcept
    {
        switch (kernel) {
        case PromptAnalyzer::Kernel::Best:
#if MG_RISK_AVX512
            if (cpuHasAvx512()) {
                feedWith<classifyAvx512, true>(text);
                return;
            }
#endif
            [[fallthrough]];
        case PromptAnalyzer::Kernel::Baseline:
#if defined(__SSE2__)
            feedWith<classifySse2, false>(text);
            return;
#endif
            [[fallthrough]];
        case PromptAnalyzer::Kernel::Portable:
            break;
        }
        feedWith<classifyPortable, false>(text);
    }

    /// Separates the head from the tail of a truncated prompt: shingles and phrases do not span the gap.
    void gap() noexcept
    {
        m_s.prevWord = 0;
        m_s.tokensInRun = 0;
        m_s.inQuote = false;
    }

    void finish(std::size_t totalSize) noexcept
    {
        if (m_s.tokensInRun > 0 && m_s.tokensInRun < 3) {
            // Short prompts: one shingle of what there is, so that they still get a sketch.
            addShingle(combine(m_s.t1, m_s.t2));
        }
        for (std::size_t b = 0; b < PromptProfile::kSketchBins; ++b) {
            m_profile.sketch[b] = m_mins[b] == std::numeric_limits<std::uint64_t>::max()
                                      ? PromptProfile::kEmptyBin
                                      : static_cast<std::uint16_t>((m_mins[b] >> 44) & 0xFFFF);
        }
        const std::size_t n = std::min(m_s.skeletonCount, PromptAnalyzer::kSkeletonTokens);
        std::uint64_t prefix = 0x51ed270b27a1f3c9ULL;
        for (std::size_t i = 0; i < n; ++i) {
            prefix = combine(prefix, m_skeletonHead[i]);
        }
        std::uint64_t suffix = 0x2545f4914f6cdd1dULL;
        for (std::size_t i = 0; i < n; ++i) {
            suffix = combine(suffix, m_skeletonTail[(m_s.skeletonCount - n + i) % PromptAnalyzer::kSkeletonTokens]);
        }
        m_profile.prefixHash = prefix;
        m_profile.suffixHash = suffix;
        m_profile.exactHash = combine(mix64(m_s.exact), m_profile.truncated ? totalSize : 0);
        m_profile.words = m_s.words;
        m_profile.instructLong = (m_s.flags & kLong) != 0;
        m_profile.structuredOutput = (m_s.flags & kStruct) != 0;
        m_profile.chainOfThought = (m_s.flags & kCot) != 0;
        m_profile.systemPromptProbe = (m_s.flags & kSys) != 0;
        m_profile.jailbreak = (m_s.flags & kJail) != 0;
        std::copy_n(m_content.begin(), m_s.contentCount, m_profile.content.begin());
        m_profile.contentCount = static_cast<std::uint8_t>(m_s.contentCount);
    }

private:
    /// Running state between regions (head, then tail).
    struct State
    {
        std::uint32_t words = 0;
        std::uint64_t exact = 0x9ae16a3b2f90404fULL;
        std::uint64_t prevWord = 0;
        std::uint32_t flags = 0;
        std::size_t contentCount = 0;
        bool inQuote = false;
        std::size_t skeletonCount = 0;
        std::uint64_t lastSkeleton = 0;
        std::uint64_t t1 = 0, t2 = 0, t3 = 0;
        std::size_t tokensInRun = 0;
    };

    /// Passes over the region: scanRegion() (word boundaries, digits, quoted spans; the region lower-cased into a
    /// zero-padded buffer), a word stage (hashes, shingle tokens, content candidates), then the exact hash and phrase
    /// flags, the shingles' MinHash, the content sample and the skeleton. `classify` is the block classifier of the
    /// portable and baseline kernels; `wide` selects the AVX-512 stages instead (the caller checked the CPU).
    template <ByteMasks (*classify)(const unsigned char*, unsigned char*) noexcept, bool wide>
    void feedWith(std::string_view text) noexcept
    {
        const std::size_t size = std::min(text.size(), kMaxRegion);
        const std::size_t blocks = size / 64 + 1; // the padding byte at `size` ends the last word
        const auto* const source = reinterpret_cast<const unsigned char*>(text.data());
        // The region lower-cased, zero-padded: room for 8-byte loads that start inside a word.
        alignas(64) unsigned char buffer[kMaxBlocks * 64 + 16];
        std::memset(buffer + (blocks * 64), 0, 16);
        // The last (partial) block is classified from a zero-padded copy: zero bytes separate words.
        alignas(64) unsigned char lastBlock[64] = {};
#if defined(__GNUC__)
        // Prompts usually come from memory, not cache: ask for all of the region's lines at once.
        for (std::size_t offset = 0; offset < size; offset += 64) {
            __builtin_prefetch(source + offset);
        }
#endif
        if (size % 64 != 0) {
            std::memcpy(lastBlock, source + (size - size % 64), size % 64);
        }

        RegionScan scan;
        scan.quoteState = m_s.inQuote ? ~std::uint64_t {0} : 0;
        if constexpr (wide) {
#if MG_RISK_AVX512
            scanRegionAvx512(source, lastBlock, blocks, buffer, scan);
#endif
        } else {
            scanRegion<classify, extractBoundaries>(source, lastBlock, blocks, buffer, scan);
        }
        const auto& bounds = scan.bounds;
        const auto& plainEnds = scan.plainEnds;
        const auto& quoted = scan.quoted;
        const std::uint64_t quoteState = scan.quoteState;
        const std::size_t boundCount = scan.boundCount;

        State s = m_s;
        const std::size_t wordCount = boundCount / 2;
        WordFacts facts;
        facts.tokens[0] = s.t2;
        facts.tokens[1] = s.t3;
        std::fill_n(facts.candidates.begin(), wordCount / 64 + 1, 0);
        if constexpr (wide) {
#if MG_RISK_AVX512
            wordStageAvx512(bounds.data(), wordCount, buffer, plainEnds.data(), facts);
#endif
        } else {
            wordStageScalar(bounds.data(), wordCount, buffer, plainEnds.data(), facts);
        }
        const auto& hashes = facts.hashes;
        const auto& tokens = facts.tokens;

        // Content words (topic coverage): the first candidates, up to kContentSample.
        for (std::size_t w = 0; w <= wordCount / 64 && s.contentCount < PromptProfile::kContentSample; ++w) {
            for (std::uint64_t bits = facts.candidates[w]; bits != 0 && s.contentCount < PromptProfile::kContentSample;
                 bits &= bits - 1) {
                m_content[s.contentCount++] =
                    static_cast<std::uint32_t>(hashes[64 * w + static_cast<std::size_t>(std::countr_zero(bits))] >> 32);
            }
        }

        // The exact hash, and phrase flags: the word itself and the pair with the previous word.
        std::uint64_t exact = s.exact;
        std::uint64_t previousWord = s.prevWord;
        for (std::size_t i = 0; i < wordCount; ++i) {
            const std::uint64_t word = hashes[i];
            exact = (exact ^ word) * 0xff51afd7ed558ccdULL;
            exact ^= exact >> 32;
            const std::uint64_t pair = bigramHash(previousWord, word);
            if (m_phrases.mayContain(word) || m_phrases.mayContain(pair)) {
                s.flags |= m_phrases.lookup(word) | m_phrases.lookup(pair);
            }
            previousWord = word;
        }
        s.exact = exact;
        s.prevWord = previousWord;

        // Shingles: word 3-grams with numbers masked, from the third token of the run on.
        const std::size_t firstShingle = s.tokensInRun >= 2 ? 0 : 2 - s.tokensInRun;
        if constexpr (wide) {
#if MG_RISK_AVX512
            shingleStageAvx512(tokens.data(), firstShingle, wordCount, m_salt, m_mins.data());
#endif
        } else {
            shingleStageScalar(tokens.data(), firstShingle, wordCount, m_salt, m_mins.data());
        }
        s.tokensInRun += wordCount;
        if (wordCount != 0) {
            s.t1 = tokens[wordCount - 1];
            s.t2 = tokens[wordCount];
            s.t3 = tokens[wordCount + 1];
        }

        // Skeleton tokens: numbers, quoted spans and rare (long) words are masked; runs of masks collapse. Only the
        // first and the last kSkeletonTokens tokens kept are used, so only the words that give them are looked at:
        // forwards while the head is not full, then backwards from the region's end.
        const auto skeletonOf = [&](std::size_t i) {
            const std::size_t first = bounds[2 * i];
            const std::size_t last = bounds[2 * i + 1];
            if (((plainEnds[last >> 6] >> (last & 63)) & 1) == 0) {
                return kMaskNumber;
            }
            if (((quoted[first >> 6] >> (first & 63)) & 1) != 0) {
                return kMaskQuote;
            }
            return last - first >= kRareWordLength ? kMaskRare : hashes[i];
        };
        const auto repeats = [](std::uint64_t skeleton, std::uint64_t previous) {
            return skeleton == previous && (skeleton == kMaskQuote || skeleton == kMaskNumber);
        };
        std::size_t next = 0;
        for (; next < wordCount && s.skeletonCount < PromptAnalyzer::kSkeletonTokens; ++next) {
            const std::uint64_t skeleton = skeletonOf(next);
            if (!repeats(skeleton, s.lastSkeleton)) {
                m_skeletonHead[s.skeletonCount] = skeleton;
                m_skeletonTail[s.skeletonCount % PromptAnalyzer::kSkeletonTokens] = skeleton;
                ++s.skeletonCount;
            }
            s.lastSkeleton = skeleton;
        }
        if (next < wordCount) {
            // The head is full: collect the last tokens kept (at most kSkeletonTokens, latest first), then append
            // them to the tail ring in order. skeletonCount then stays >= kSkeletonTokens, all finish() needs.
            std::array<std::uint64_t, PromptAnalyzer::kSkeletonTokens> latest;
            std::size_t found = 0;
            std::uint64_t skeleton = skeletonOf(wordCount - 1);
            const std::uint64_t lastSkeleton = skeleton;
            for (std::size_t j = wordCount; j-- > next && found < latest.size();) {
                const std::uint64_t previous = j > next ? skeletonOf(j - 1) : s.lastSkeleton;
                if (!repeats(skeleton, previous)) {
                    latest[found++] = skeleton;
                }
                skeleton = previous;
            }
            while (found > 0) {
                m_skeletonTail[s.skeletonCount % PromptAnalyzer::kSkeletonTokens] = latest[--found];
                ++s.skeletonCount;
            }
            s.lastSkeleton = lastSkeleton;
        }

        s.words += static_cast<std::uint32_t>(wordCount);
        s.inQuote = quoteState != 0;
        m_s = s;
    }

    void addShingle(std::uint64_t shingle) noexcept
    {
        const std::uint64_t h = mix64(shingle ^ m_salt);
        const std::size_t bin = h >> 60;
        const std::uint64_t value = h & kValueMask;
        m_mins[bin] = std::min(m_mins[bin], value);
    }

    std::uint64_t m_salt;
    PromptProfile& m_profile;
    const PhraseTable& m_phrases;
    State m_s;

    std::array<std::uint32_t, PromptProfile::kContentSample> m_content {};
    std::array<std::uint64_t, PromptAnalyzer::kSkeletonTokens> m_skeletonHead {};
    std::array<std::uint64_t, PromptAnalyzer::kSkeletonTokens> m_skeletonTail {};

    std::array<std::uint64_t, PromptProfile::kSketchBins> m_mins {};
};

} // namespace

std::pair<int, int> sketchAgreement(const std::array<std::uint16_t, PromptProfile::kSketchBins>& a,
                                    const std::array<std::uint16_t, PromptProfile::kSketchBins>& b) noexcept
{
    int equal = 0;
    int used = 0;
    for (std::size_t i = 0; i < PromptProfile::kSketchBins; ++i) {
        const bool ea = a[i] == PromptProfile::kEmptyBin;
        const bool eb = b[i] == PromptProfile::kEmptyBin;
        used += (ea && eb) ? 0 : 1;
        equal += (!ea && a[i] == b[i]) ? 1 : 0;
    }
    return {equal, used};
}

double sketchSimilarity(const PromptProfile& a, const PromptProfile& b) noexcept
{
    const auto [equal, used] = sketchAgreement(a.sketch, b.sketch);
    return used == 0 ? 0.0 : static_cast<double>(equal) / used;
}

PromptAnalyzer::PromptAnalyzer(std::uint64_t salt) noexcept
    : m_salt(mix64(salt ^ 0x6a09e667f3bcc909ULL))
{ }

const char* PromptAnalyzer::bestKernelName() noexcept
{
#if MG_RISK_AVX512
    if (cpuHasAvx512()) {
        return "avx512";
    }
#endif
#if defined(__SSE2__)
    return "sse2";
#else
    return "portable";
#endif
}

PromptProfile PromptAnalyzer::analyze(std::string_view prompt) const noexcept
{
    return analyze(prompt, Kernel::Best);
}

PromptProfile PromptAnalyzer::analyze(std::string_view prompt, Kernel kernel) const noexcept
{
    PromptProfile profile;
    Scanner scanner(m_salt, profile);
    if (prompt.size() <= kHeadBytes + kTailBytes) {
        scanner.feed(prompt, kernel);
    } else {
        profile.truncated = true;
        scanner.feed(prompt.substr(0, kHeadBytes), kernel);
        scanner.gap();
        scanner.feed(prompt.substr(prompt.size() - kTailBytes), kernel);
    }
    scanner.finish(prompt.size());
    return profile;
}

} // namespace modelguard::risk
