#include "core/watermark/LexicalKey.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace modelguard::watermark {

namespace {

constexpr std::string_view kDomain = "modelguard/lexical/v1";

std::uint64_t load64(const crypto::Sha256Digest& d, std::size_t at) noexcept
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        v = (v << 8) | d[at + i];
    }
    return v;
}

double unit(std::uint64_t v) noexcept
{
    return static_cast<double>(v >> 11) * 0x1.0p-53; // uniform in [0, 1)
}

// Length of [a, b) ∩ ([0, g) ∪ [1, 1 + g)) for 0 <= a <= b <= 2.
double insideGreen(double a, double b, double g) noexcept
{
    const double first = std::max(0.0, std::min(b, g) - std::max(a, 0.0));
    const double second = std::max(0.0, std::min(b, 1.0 + g) - std::max(a, 1.0));
    return first + second;
}

} // namespace

LexicalKey::LexicalKey(crypto::ByteView clientKey, const Lexicon& lexicon, LexicalParams params)
    : m_lexicon(lexicon)
    , m_params(params)
    , m_mac(clientKey)
{
    if (!(params.gamma > 0.0 && params.gamma < 1.0)) {
        throw std::invalid_argument("lexical watermark: gamma must be in (0, 1)");
    }
    if (params.contextWidth > 1) {
        throw std::invalid_argument("lexical watermark: context width must be 0 or 1");
    }
    m_layouts.reserve(lexicon.classes().size());
    for (const Lexicon::WordClass& c : lexicon.classes()) {
        m_layouts.push_back(layout(c, params.gamma));
    }
}

LexicalKey::~LexicalKey() = default;

std::vector<double> LexicalKey::layout(const Lexicon::WordClass& cls, double gamma)
{
    const std::size_t n = std::min(cls.members.size(), Lexicon::kMaxMembers);
    std::vector<double> len(n, n == 0 ? 0.0 : 1.0 / static_cast<double>(n));
    if (n == 0 || static_cast<double>(n) * gamma < 1.0) {
        return len; // the cap cannot be met: equal lengths are the closest
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sum += cls.members[i].frequency;
    }
    if (!(sum > 0.0)) {
        return len;
    }
    // Water-filling: lengths proportional to frequency, except that none exceeds gamma; the excess of capped
    // members is shared by the others in proportion to their frequency.
    std::vector<bool> capped(n, false);
    while (true) {
        double freeMass = 1.0;
        double freeFreq = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            if (capped[i]) {
                freeMass -= gamma;
            } else {
                freeFreq += cls.members[i].frequency;
            }
        }
        bool changed = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (!capped[i]) {
                len[i] = freeFreq > 0.0 ? freeMass * cls.members[i].frequency / freeFreq : 0.0;
                if (len[i] > gamma) {
                    capped[i] = true;
                    changed = true;
                }
            } else {
                len[i] = gamma;
            }
        }
        if (!changed) {
            break;
        }
    }
    return len;
}

std::uint64_t LexicalKey::greenMask(std::span<const double> lengths, double gamma, double offset, double draw) noexcept
{
    std::uint64_t mask = 0;
    double start = offset;
    const std::size_t n = std::min(lengths.size(), Lexicon::kMaxMembers);
    for (std::size_t i = 0; i < n; ++i) {
        const double len = lengths[i];
        const double end = start + len;
        const double inside = insideGreen(start, end, gamma);
        const double share = len > 0.0 ? inside / len : 0.0;
        bool green = false;
        if (share >= 1.0 - 1e-12) {
            green = true;
        } else if (share > 1e-12) {
            // A straddler is green with probability `share`. The straddlers at the window's end (gamma) and start
            // (0) use one draw antithetically; with every length <= gamma their shares add up to at least 1, so
            // the green set is never empty and the embedder can always steer.
            const bool crossesEnd = (start < gamma && end > gamma) || (start < 1.0 + gamma && end > 1.0 + gamma);
            green = crossesEnd ? draw < share : draw >= 1.0 - share;
        }
        if (green) {
            mask |= std::uint64_t {1} << i;
        }
        start = end;
    }
    return mask;
}

PairDecision LexicalKey::compute(std::string_view context, std::uint32_t classId) const
{
    const std::array<std::uint8_t, 5> header {
        static_cast<std::uint8_t>(m_params.contextWidth), static_cast<std::uint8_t>(classId >> 24),
        static_cast<std::uint8_t>(classId >> 16), static_cast<std::uint8_t>(classId >> 8),
        static_cast<std::uint8_t>(classId)};
    const crypto::Sha256Digest d = m_mac.mac({crypto::asBytes(kDomain), header, crypto::asBytes(context)});
    PairDecision out;
    out.greenMask = greenMask(m_layouts[classId], m_params.gamma, unit(load64(d, 0)), unit(load64(d, 8)));
    out.steerDraw = load64(d, 24);
    return out;
}

PairDecision LexicalKey::decide(std::string_view context, std::uint32_t classId) const
{
    if (m_params.contextWidth == 0) {
        context = {};
    }
    const CacheKey key {fnv1a64(context), classId};
    std::lock_guard lock(m_mutex);
    if (auto it = m_cache.find(key); it != m_cache.end()) {
        return it->second;
    }
    if (m_cache.size() >= kMaxCacheEntries) {
        m_cache.clear();
    }
    const PairDecision d = compute(context, classId);
    m_cache.emplace(key, d);
    return d;
}

} // namespace modelguard::watermark
