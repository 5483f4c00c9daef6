#pragma once
// Bounded-cost analysis of one prompt: structural hashes (exact text, template skeleton prefix and suffix), a salted
// one-permutation MinHash sketch of word 3-gram shingles, a sample of content words (topic coverage) and phrase
// flags (long/structured output requests, reasoning elicitation, system-prompt extraction, jailbreak phrasing).
// Only the first kHeadBytes and last kTailBytes of a prompt are read, so the cost per prompt is bounded whatever
// its size. Any byte sequence is accepted (bytes >= 0x80 count as letters; invalid UTF-8 needs no special case).
// Thread safety: analyze() is const and may run concurrently.

#include <array>
#include <cstdint>
#include <string_view>

namespace modelguard::risk {

struct PromptProfile
{
    static constexpr std::size_t kSketchBins = 16;
    static constexpr std::uint16_t kEmptyBin = 0xFFFF;
    static constexpr std::size_t kContentSample = 24;

    std::uint64_t exactHash = 0;  ///< the (bounded) text, case and whitespace normalised
    std::uint64_t prefixHash = 0; ///< first skeleton tokens (numbers, quoted spans and rare words masked)
    std::uint64_t suffixHash = 0; ///< last skeleton tokens
    std::array<std::uint16_t, kSketchBins> sketch {};     ///< salted MinHash bins (kEmptyBin when empty)
    std::array<std::uint32_t, kContentSample> content {}; ///< hashes of sampled content words
    std::uint8_t contentCount = 0;
    std::uint32_t words = 0;        ///< words read (bounded region only)
    bool truncated = false;         ///< the prompt was longer than the analysed region
    bool instructLong = false;      ///< asks for long or detailed output ("in detail", "comprehensive", ...)
    bool structuredOutput = false;  ///< forces an output format ("return only JSON", "numbered list only", ...)
    bool chainOfThought = false;    ///< asks for step-by-step / internal reasoning
    bool systemPromptProbe = false; ///< asks to reveal instructions or the system prompt
    bool jailbreak = false;         ///< jailbreak phrasing ("ignore previous instructions", "developer mode", ...)
};

/// MinHash similarity of two sketches: equal non-empty bins over bins non-empty in either (0 when both empty).
double sketchSimilarity(const PromptProfile& a, const PromptProfile& b) noexcept;
/// Number of equal non-empty bins and of bins non-empty in either.
std::pair<int, int> sketchAgreement(const std::array<std::uint16_t, PromptProfile::kSketchBins>& a,
                                    const std::array<std::uint16_t, PromptProfile::kSketchBins>& b) noexcept;

class PromptAnalyzer
{
public:
    static constexpr std::size_t kHeadBytes = 1536;
    static constexpr std::size_t kTailBytes = 512;
    static constexpr std::size_t kSkeletonTokens = 8;

    /// salt: secret 64-bit value mixed into every shingle hash (from RiskConfig::secret).
    explicit PromptAnalyzer(std::uint64_t salt) noexcept;

    PromptProfile analyze(std::string_view prompt) const noexcept;

    /// How analyze() classifies bytes and hashes words; the profile is the same with each (the choice exists so that
    /// tests and the benchmark can exercise all). Best: AVX-512 when the CPU has it (checked at run time), else
    /// Baseline. Baseline: SSE2 classification on x86-64 (part of its baseline), else Portable. Portable: plain
    /// 64-bit code (SWAR classification).
    enum class Kernel : std::uint8_t { Best, Baseline, Portable };
    PromptProfile analyze(std::string_view prompt, Kernel kernel) const noexcept;
    /// The kernel Best stands for on this machine: "avx512", "sse2" or "portable".
    static const char* bestKernelName() noexcept;

private:
    std::uint64_t m_salt;
};

} // namespace modelguard::risk
