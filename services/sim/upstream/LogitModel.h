#pragma once
// The hidden logit vector of the simulator at every position of a completion. For a context (simulator seed, model
// name, prompt) and the tokens generated so far, every one of the 50,000 token ids has a logit:
//   - the trigram successors of the last two tokens ("candidates"): log P(token | last two) + Gumbel noise keyed by
//     (context, position, token), so that the argmax is a draw from the trigram chain and differs between prompts;
//     after a sentence end, a paragraph break is a candidate, and so is end-of-text once the context's target
//     length is reached (with a high logit, so the completion stops there);
//   - every other token: its context-free background logit (TextModel::backgroundLogit, about -16 to -21).
// Nothing else: logit_bias, temperature and sampling are applied on top by the Generator. The logits are a pure
// function of their inputs, which is what makes logit read-out attacks (Carlini et al. 2024) work against it.

#include "services/sim/upstream/TextModel.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace modelguard::sim::upstream {

class LogitModel
{
public:
    /// Noise scale of the Gumbel term (1 = the argmax is an exact draw from the trigram distribution).
    static constexpr double kNoiseScale = 1.0;

    LogitModel(const TextModel& model, std::uint64_t seed, std::string_view modelName, std::string_view prompt);

    /// Candidates after `prefix` (the completion's tokens so far), each with its logit. All ids not listed have
    /// their background logit. `out` is cleared first; ids are distinct.
    void candidates(std::span<const TokenId> prefix, std::vector<std::pair<TokenId, double>>& out) const;
    /// One element of the full hidden logit vector after `prefix` (for tests and documentation; O(candidates)).
    double hiddenLogit(std::span<const TokenId> prefix, TokenId id) const;
    /// Length (tokens) after which the completion ends at the next sentence end, unless max_tokens comes first.
    std::size_t targetLength() const { return m_targetLength; }

    const TextModel& textModel() const { return m_model; }
    std::uint64_t contextHash() const { return m_context; }

private:
    const TextModel& m_model;
    std::uint64_t m_context;
    std::size_t m_targetLength;
};

} // namespace modelguard::sim::upstream
