#pragma once
// The keyed green selection of the lexical watermark, for one client key.
//
// For a (context, class) pair, HMAC-SHA256(client key, "modelguard/lexical/v1" | context width | class | context)
// gives a rotation offset u and a draw. The class's members are laid out as consecutive sub-intervals of [0, 1)
// proportional to their frequency in human text but capped at gamma each (water-filling), the layout is rotated by
// u, and a member is green when its interval lies inside [0, gamma); a member that straddles a boundary is green
// with probability equal to the share of its interval inside [0, gamma), decided by the keyed draw (one draw,
// used antithetically by the two straddlers).
//  * Calibration: whatever the layout, every member is green with probability exactly gamma over pairs, so
//    P(green | human text) = gamma per pair in expectation for ANY usage frequencies (the lexicon's estimates
//    need not be right), and where frequencies are balanced the green frequency mass of each pair is close to
//    gamma, which keeps a fixed key's human green rate close to gamma.
//  * Steerability: with every length <= gamma the green set is never empty, so the embedder can always pick a
//    green member (uncapped frequency intervals leave 20-40 % of dominated classes with no green member).
//
// Thread safety: decide() may be called from several threads (results are cached under a mutex).

#include "core/crypto/Crypto.h"
#include "core/watermark/Lexicon.h"

#include <cstdint>
#include <mutex>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace modelguard::watermark {

/// Number of preceding words in the context of a pair. Chosen from the measurements in docs/watermark-design.md.
inline constexpr unsigned kDefaultContextWidth = 0;
inline constexpr double kDefaultGamma = 0.5;

struct LexicalParams
{
    double gamma = kDefaultGamma;                 ///< share of each class's frequency mass that is green, in (0, 1)
    unsigned contextWidth = kDefaultContextWidth; ///< 0 (unigram assignment) or 1 (previous word)
};

struct PairDecision
{
    std::uint64_t greenMask = 0; ///< bit i set when member i is green
    std::uint64_t steerDraw = 0; ///< uniform 64-bit draw: the embedder steers this pair when draw < strength * 2^64
};

class LexicalKey
{
public:
    /// Throws std::invalid_argument for gamma outside (0, 1) or contextWidth > 1; crypto::CryptoError from OpenSSL.
    LexicalKey(crypto::ByteView clientKey, const Lexicon& lexicon, LexicalParams params = {});
    ~LexicalKey();
    LexicalKey(const LexicalKey&) = delete;
    LexicalKey& operator=(const LexicalKey&) = delete;

    /// The decision for a pair. context must already be the context key (empty for width 0).
    PairDecision decide(std::string_view context, std::uint32_t classId) const;

    const LexicalParams& params() const noexcept { return m_params; }
    const Lexicon& lexicon() const noexcept { return m_lexicon; }

    /// The interval lengths of a class's members (sum 1): proportional to frequency, none above gamma.
    static std::vector<double> layout(const Lexicon::WordClass& cls, double gamma);
    /// Pure function of the PRF output, exposed for tests: the green mask for a layout, a rotation offset and a
    /// straddler draw (both uniform in [0, 1)).
    static std::uint64_t greenMask(std::span<const double> lengths, double gamma, double offset, double draw) noexcept;

private:
    struct CacheKey
    {
        std::uint64_t contextHash;
        std::uint32_t classId;
        bool operator==(const CacheKey&) const = default;
    };
    struct CacheKeyHash
    {
        std::size_t operator()(const CacheKey& k) const noexcept
        {
            return static_cast<std::size_t>(k.contextHash
                                            ^ (static_cast<std::uint64_t>(k.classId) * 0x9E3779B97F4A7C15ULL));
        }
    };
    static constexpr std::size_t kMaxCacheEntries = std::size_t {1} << 20;

    PairDecision compute(std::string_view context, std::uint32_t classId) const;

    const Lexicon& m_lexicon;
    LexicalParams m_params;
    crypto::HmacSha256 m_mac;
    std::vector<std::vector<double>> m_layouts; // per class
    mutable std::mutex m_mutex;
    mutable std::unordered_map<CacheKey, PairDecision, CacheKeyHash> m_cache;
};

} // namespace modelguard::watermark
