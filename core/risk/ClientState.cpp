#include "core/risk/ClientState.h"

#include "core/risk/Hashing.h"

#include <bit>
#include <cmath>

namespace modelguard::risk::detail {

namespace {

template <std::size_t N>
double linearCount(const std::array<std::uint64_t, N>& bits) noexcept
{
    constexpr double m = 64.0 * N;
    std::size_t ones = 0;
    for (auto w : bits) {
        ones += static_cast<std::size_t>(std::popcount(w));
    }
    const double zeros = m - static_cast<double>(ones);
    if (zeros < 1.0) {
        return m * std::log(m); // saturated
    }
    return -m * std::log(zeros / m);
}

} // namespace

void WindowCounters::addContent(const PromptProfile& p) noexcept
{
    for (std::size_t i = 0; i < p.contentCount; ++i) {
        const std::uint32_t h = p.content[i];
        contentBits[(h >> 6) & 15] |= std::uint64_t {1} << (h & 63);
    }
    contentSampled += p.contentCount;
}

double WindowCounters::distinctContent() const noexcept
{
    return linearCount(contentBits);
}

void SkeletonCounter::add(std::uint64_t key) noexcept
{
    key = key == 0 ? 1 : key;
    for (std::size_t i = 0; i < kSlots; ++i) {
        if (keys[i] == key) {
            ++counts[i];
            return;
        }
    }
    for (std::size_t i = 0; i < kSlots; ++i) {
        if (counts[i] == 0) {
            keys[i] = key;
            counts[i] = 1;
            return;
        }
    }
    for (auto& c : counts) {
        --c;
    }
}

std::pair<std::uint64_t, std::uint32_t> SkeletonCounter::top() const noexcept
{
    std::size_t best = 0;
    for (std::size_t i = 1; i < kSlots; ++i) {
        best = counts[i] > counts[best] ? i : best;
    }
    return {keys[best], counts[best]};
}

double LogitSlot::distinctIds() const noexcept
{
    return linearCount(idBits);
}

double LogitSlot::distinctSignatures() const noexcept
{
    return linearCount(sigBits);
}

} // namespace modelguard::risk::detail
