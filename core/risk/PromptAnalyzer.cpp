#include "core/risk/PromptAnalyzer.h"

#include "core/risk/Hashing.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

namespace modelguard::risk {

namespace {

using detail::combine;
using detail::mix64;
using detail::wordHash;

enum ByteClass : std::uint8_t { Sep = 0, Letter = 1, Digit = 2, Quote = 3 };
enum ByteKind : std::uint8_t { kWordByte = 1, kDigitByte = 2, kQuoteByte = 4 };

struct ByteTables
{
    std::array<std::uint8_t, 256> cls {};
    std::array<std::uint8_t, 256> lower {};
    std::array<std::uint8_t, 256> kind {}; ///< kWordByte | kDigitByte bits, or kQuoteByte
    constexpr ByteTables()
    {
        for (int c = 0; c < 256; ++c) {
            lower[c] = static_cast<std::uint8_t>(c);
            if (c >= 'A' && c <= 'Z') {
                cls[c] = Letter;
                lower[c] = static_cast<std::uint8_t>(c - 'A' + 'a');
            } else if ((c >= 'a' && c <= 'z') || c >= 0x80 || c == '\'') {
                cls[c] = Letter;
            } else if (c >= '0' && c <= '9') {
                cls[c] = Digit;
            } else if (c == '"' || c == '`') {
                cls[c] = Quote;
            } else {
                cls[c] = Sep;
            }
            kind[c] = cls[c] == Letter  ? kWordByte
                      : cls[c] == Digit ? static_cast<std::uint8_t>(kWordByte | kDigitByte)
                      : cls[c] == Quote ? kQuoteByte
                                        : 0;
        }
    }
};
constexpr ByteTables kBytes;

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
    std::uint8_t lookup(std::uint64_t h) const noexcept
    {
        if ((m_filter[(h >> 6) & 63] & (std::uint64_t {1} << (h & 63))) == 0) {
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

class Scanner
{
    /// Per-word running state, copied into a local for the duration of feed(): the compiler then need not assume
    /// that the stores into the arrays below alias it.
    struct WordState
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

public:
    Scanner(std::uint64_t salt, PromptProfile& profile) noexcept
        : m_salt(salt)
        , m_profile(profile)
        , m_phrases(phraseTable())
    {
        m_mins.fill(std::numeric_limits<std::uint64_t>::max());
    }

    void feed(std::string_view text) noexcept
    {
        // Word at a time: one table lookup per byte finds the word's extent (and whether it has a digit), then the
        // word hash is computed 8 bytes per step (big-endian load, ASCII lower-casing in a register). The hash is
        // exactly the byte-at-a-time wordHash() of the lower-cased word.
        const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
        const auto* const end = begin + text.size();
        WordState s = m_s;
        const unsigned char* p = begin;
        while (p < end) {
            std::uint8_t k = kBytes.kind[*p];
            if ((k & kWordByte) == 0) {
                s.inQuote ^= (k == kQuoteByte);
                ++p;
                continue;
            }
            const unsigned char* const start = p;
            std::uint8_t any = 0;
            do {
                any |= k;
                ++p;
            } while (p < end && ((k = kBytes.kind[*p]) & kWordByte) != 0);
            const auto length = static_cast<std::size_t>(p - start);
            std::uint64_t hash = kWordSeed;
            const unsigned char* q = start;
            for (; q + 8 <= p; q += 8) {
                hash = (hash ^ lower8(load8(q))) * 0xff51afd7ed558ccdULL;
            }
            const auto rest = static_cast<std::size_t>(p - q);
            std::uint64_t acc = 0;
            if (rest != 0) {
                if (q + 8 <= end) {
                    acc = lower8(load8(q)) >> (8 * (8 - rest));
                } else {
                    for (; q < p; ++q) {
                        acc = (acc << 8) | kBytes.lower[*q];
                    }
                }
            }
            endWord(s, mix64(hash ^ acc ^ (static_cast<std::uint64_t>(length) << 56)), length, (any & kDigitByte) != 0);
        }
        m_s = s;
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
        std::uint64_t prefix = 0x51ed270b27a1f3c9ULL;
        for (std::size_t i = 0; i < std::min(m_s.skeletonCount, PromptAnalyzer::kSkeletonTokens); ++i) {
            prefix = combine(prefix, m_skeletonHead[i]);
        }
        std::uint64_t suffix = 0x2545f4914f6cdd1dULL;
        const std::size_t n = std::min(m_s.skeletonCount, PromptAnalyzer::kSkeletonTokens);
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
        m_profile.content = m_content;
        m_profile.contentCount = static_cast<std::uint8_t>(m_s.contentCount);
    }

private:
    void endWord(WordState& s, std::uint64_t word, std::size_t length, bool hasDigit) noexcept
    {
        ++s.words;

        s.exact = (s.exact ^ word) * 0xff51afd7ed558ccdULL;
        s.exact ^= s.exact >> 32;

        // Phrase flags: the word itself and the pair with the previous word.
        s.flags |= m_phrases.lookup(word) | m_phrases.lookup(bigramHash(s.prevWord, word));
        s.prevWord = word;

        // Skeleton token: numbers, quoted spans and rare (long) words are masked; runs of masks collapse.
        std::uint64_t skeleton = word;
        if (hasDigit) {
            skeleton = kMaskNumber;
        } else if (s.inQuote) {
            skeleton = kMaskQuote;
        } else if (length >= kRareWordLength) {
            skeleton = kMaskRare;
        }
        if (!(skeleton == s.lastSkeleton && (skeleton == kMaskQuote || skeleton == kMaskNumber))) {
            if (s.skeletonCount < PromptAnalyzer::kSkeletonTokens) {
                m_skeletonHead[s.skeletonCount] = skeleton;
            }
            m_skeletonTail[s.skeletonCount % PromptAnalyzer::kSkeletonTokens] = skeleton;
            ++s.skeletonCount;
        }
        s.lastSkeleton = skeleton;

        // Content words (topic coverage): long-ish words without digits, sampled by hash so that a word is either
        // always or never sampled.
        if (!hasDigit && length >= kContentWordLength && (word & 3) == 0
            && s.contentCount < PromptProfile::kContentSample) {
            m_content[s.contentCount++] = static_cast<std::uint32_t>(word >> 32);
        }

        // Shingles: word 3-grams with numbers masked.
        const std::uint64_t token = hasDigit ? kMaskNumber : word;
        s.t1 = s.t2;
        s.t2 = s.t3;
        s.t3 = token;
        ++s.tokensInRun;
        if (s.tokensInRun >= 3) {
            addShingle((s.t1 * 0x9e3779b97f4a7c15ULL) ^ (s.t2 * 0xc2b2ae3d27d4eb4fULL) ^ s.t3);
        }
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
    WordState m_s;

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

PromptProfile PromptAnalyzer::analyze(std::string_view prompt) const noexcept
{
    PromptProfile profile;
    Scanner scanner(m_salt, profile);
    if (prompt.size() <= kHeadBytes + kTailBytes) {
        scanner.feed(prompt);
    } else {
        profile.truncated = true;
        scanner.feed(prompt.substr(0, kHeadBytes));
        scanner.gap();
        scanner.feed(prompt.substr(prompt.size() - kTailBytes));
    }
    scanner.finish(prompt.size());
    return profile;
}

} // namespace modelguard::risk
