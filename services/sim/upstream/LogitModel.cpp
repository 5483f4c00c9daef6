#include "services/sim/upstream/LogitModel.h"

#include "services/sim/upstream/SimHash.h"
#include "services/sim/upstream/SimTokenizer.h"

#include <cmath>

namespace modelguard::sim::upstream {

LogitModel::LogitModel(const TextModel& model, std::uint64_t seed, std::string_view modelName, std::string_view prompt)
    : m_model(model)
    , m_context(hashCombine(hashCombine(mix64(seed), hashBytes(modelName)), hashBytes(prompt)))
    , m_targetLength(40 + mix64(m_context ^ 0x7A5Eull) % 160)
{ }

void LogitModel::candidates(std::span<const TokenId> prefix, std::vector<std::pair<TokenId, double>>& out) const
{
    out.clear();
    TokenId p1 = prefix.empty() ? TextModel::kParagraph : prefix.back();
    TokenId p2 = prefix.size() < 2 ? TextModel::kParagraph : prefix[prefix.size() - 2];
    if (p1 == TextModel::kParagraph) {
        p2 = TextModel::kParagraph;
    }
    const std::uint64_t positionKey = hashCombine(m_context, prefix.size());
    // Probabilities renormalised over the (at most kMaxSuccessors) most frequent successors.
    const auto successors = m_model.successors(p2, p1);
    double total = 0;
    for (const auto& successor : successors) {
        total += successor.count;
    }
    const double logTotal = std::log(total);
    for (const auto& successor : successors) {
        const double noise = kNoiseScale * gumbel(hashCombine(positionKey, successor.token));
        out.emplace_back(successor.token, std::log(static_cast<double>(successor.count)) - logTotal + noise);
    }
    if (SimTokenizer::isSentenceEnd(m_model.tokenText(p1))) {
        out.emplace_back(TextModel::kParagraph,
                         std::log(0.08) + kNoiseScale * gumbel(hashCombine(positionKey, TextModel::kParagraph)));
        if (prefix.size() >= m_targetLength) {
            out.emplace_back(TextModel::kEndOfText, 12.0);
        }
    }
}

double LogitModel::hiddenLogit(std::span<const TokenId> prefix, TokenId id) const
{
    std::vector<std::pair<TokenId, double>> list;
    candidates(prefix, list);
    for (const auto& [token, logit] : list) {
        if (token == id) {
            return logit;
        }
    }
    return m_model.backgroundLogit(id);
}

} // namespace modelguard::sim::upstream
