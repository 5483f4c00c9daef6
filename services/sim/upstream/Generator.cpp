#include "services/sim/upstream/Generator.h"

#include "services/sim/upstream/SimHash.h"
#include "services/sim/upstream/SimTokenizer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace modelguard::sim::upstream {

namespace {

double logSumExpBackground(const TextModel& model, double temperature)
{
    double max = -std::numeric_limits<double>::infinity();
    for (TokenId id = 0; id < TextModel::kVocabularySize; ++id) {
        max = std::max(max, model.backgroundLogit(id) / temperature);
    }
    double sum = 0;
    for (TokenId id = 0; id < TextModel::kVocabularySize; ++id) {
        sum += std::exp(model.backgroundLogit(id) / temperature - max);
    }
    return max + std::log(sum);
}

/// The biased distribution at one position: explicit entries (candidates and biased ids) and the background rest.
class StepDistribution
{
public:
    StepDistribution(const TextModel& model, std::vector<char>& marks)
        : m_model(model)
        , m_marks(marks)
    { }

    void build(const std::vector<std::pair<TokenId, double>>& candidates, const std::map<TokenId, double>& bias)
    {
        clear();
        for (const auto& [id, logit] : candidates) {
            add(id, logit);
        }
        for (const auto& [id, value] : bias) {
            if (!m_marks[id]) {
                add(id, m_model.backgroundLogit(id));
            }
        }
        for (auto& entry : m_entries) {
            if (const auto it = bias.find(entry.first); it != bias.end()) {
                entry.second += it->second;
            }
        }
    }

    /// log of the normaliser of exp(logit / temperature) over the whole vocabulary.
    double logNormaliser(double temperature, double backgroundLogSum) const
    {
        double max = firstBackground() ? m_model.backgroundLogit(*firstBackground()) / temperature
                                       : -std::numeric_limits<double>::infinity();
        for (const auto& entry : m_entries) {
            max = std::max(max, entry.second / temperature);
        }
        double sum = 0;
        for (const auto& entry : m_entries) {
            sum += std::exp(entry.second / temperature - max);
        }
        sum += std::exp(backgroundLogSum - max) * backgroundShare(temperature, backgroundLogSum);
        return max + std::log(sum);
    }

    /// Fraction of the background mass (at this temperature) that belongs to ids without an explicit entry.
    double backgroundShare(double temperature, double backgroundLogSum) const
    {
        double explicitShare = 0;
        for (const auto& entry : m_entries) {
            explicitShare += std::exp(m_model.backgroundLogit(entry.first) / temperature - backgroundLogSum);
        }
        return std::max(0.0, 1.0 - explicitShare);
    }

    /// Highest-logit id (ties: explicit entries first, then lower id).
    TokenId argmax() const
    {
        const TokenId* background = firstBackground();
        TokenId best = background ? *background : 0;
        double bestLogit = background ? m_model.backgroundLogit(best) : -std::numeric_limits<double>::infinity();
        for (const auto& [id, logit] : m_entries) {
            if (logit > bestLogit || (logit == bestLogit && id < best)) {
                best = id;
                bestLogit = logit;
            }
        }
        return best;
    }

    /// Draw with u in (0,1) from exp(logit / temperature).
    TokenId sample(double u, double temperature, double backgroundLogSum) const
    {
        const double logZ = logNormaliser(temperature, backgroundLogSum);
        double remaining = u;
        for (const auto& [id, logit] : m_entries) {
            remaining -= std::exp(logit / temperature - logZ);
            if (remaining <= 0) {
                return id;
            }
        }
        for (TokenId id = 0; id < TextModel::kVocabularySize; ++id) {
            if (m_marks[id]) {
                continue;
            }
            remaining -= std::exp(m_model.backgroundLogit(id) / temperature - logZ);
            if (remaining <= 0) {
                return id;
            }
        }
        return argmax(); // rounding left a sliver of mass unassigned
    }

    double logit(TokenId id) const
    {
        if (m_marks[id]) {
            for (const auto& entry : m_entries) {
                if (entry.first == id) {
                    return entry.second;
                }
            }
        }
        return m_model.backgroundLogit(id);
    }

    /// The k highest logits, highest first (ties by id).
    std::vector<std::pair<TokenId, double>> top(std::size_t k) const
    {
        std::vector<std::pair<TokenId, double>> best = m_entries;
        auto order = [](const auto& a, const auto& b) {
            return a.second > b.second || (a.second == b.second && a.first < b.first);
        };
        std::size_t taken = 0;
        for (const TokenId id : m_model.backgroundOrder()) {
            if (taken == k) {
                break;
            }
            if (!m_marks[id]) {
                best.emplace_back(id, m_model.backgroundLogit(id));
                ++taken;
            }
        }
        const std::size_t n = std::min(k, best.size());
        std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(n), best.end(), order);
        best.resize(n);
        return best;
    }

    void clear()
    {
        for (const auto& entry : m_entries) {
            m_marks[entry.first] = 0;
        }
        m_entries.clear();
    }

private:
    void add(TokenId id, double logit)
    {
        if (m_marks[id]) {
            return;
        }
        m_marks[id] = 1;
        m_entries.emplace_back(id, logit);
    }

    const TokenId* firstBackground() const
    {
        for (const TokenId& id : m_model.backgroundOrder()) {
            if (!m_marks[id]) {
                return &id;
            }
        }
        return nullptr;
    }

    const TextModel& m_model;
    std::vector<char>& m_marks; ///< m_marks[id] = 1 iff id has an explicit entry
    std::vector<std::pair<TokenId, double>> m_entries;
};

} // namespace

Generator::Generator(const TextModel& model)
    : m_model(model)
    , m_backgroundLogSum1(logSumExpBackground(model, 1.0))
{ }

std::string Generator::piece(const TokenId* previous, TokenId id) const
{
    const std::string& text = m_model.tokenText(id);
    if (id == TextModel::kEndOfText || id == TextModel::kParagraph || previous == nullptr
        || *previous == TextModel::kParagraph || SimTokenizer::isClosingPunctuation(text)) {
        return text;
    }
    return " " + text;
}

Completion Generator::generate(const LogitModel& logits, const SamplingParams& params) const
{
    Completion completion;
    std::vector<char> marks(TextModel::kVocabularySize, 0);
    StepDistribution step(m_model, marks);
    std::vector<std::pair<TokenId, double>> candidates;
    std::vector<TokenId> prefix;
    const double temperature = params.temperature;
    const double backgroundLogSumT =
        temperature > 0 && temperature != 1.0 ? logSumExpBackground(m_model, temperature) : m_backgroundLogSum1;
    std::size_t maxStop = 0;
    for (const std::string& s : params.stop) {
        maxStop = std::max(maxStop, s.size());
    }
    // Without max_tokens a completion ends at end-of-text; the hard bound keeps a biased-away end-of-text finite.
    const std::size_t limit = params.maxTokens > 0 ? params.maxTokens : 4096;
    completion.finishReason = "length";

    while (prefix.size() < limit) {
        logits.candidates(prefix, candidates);
        step.build(candidates, params.logitBias);
        TokenId chosen = 0;
        if (temperature <= 0) {
            chosen = step.argmax();
        } else {
            const double u = unitInterval(hashCombine(params.samplerSeed, prefix.size()));
            chosen = step.sample(u, temperature, backgroundLogSumT);
        }
        if (chosen == TextModel::kEndOfText) {
            completion.finishReason = "stop";
            ++completion.completionTokens;
            break;
        }
        const double logZ1 = step.logNormaliser(1.0, m_backgroundLogSum1);
        GeneratedToken token;
        token.id = chosen;
        token.piece = piece(prefix.empty() ? nullptr : &prefix.back(), chosen);
        token.logprob = step.logit(chosen) - logZ1;
        if (params.topLogprobs > 0) {
            for (const auto& [id, logit] : step.top(params.topLogprobs)) {
                token.top.push_back({id, piece(prefix.empty() ? nullptr : &prefix.back(), id), logit - logZ1});
            }
        }
        const std::size_t before = completion.text.size();
        completion.text += token.piece;
        completion.tokens.push_back(std::move(token));
        ++completion.completionTokens;
        prefix.push_back(chosen);

        if (maxStop > 0) {
            // A stop sequence may start in an earlier piece: search the new text plus maxStop - 1 bytes before it.
            const std::size_t from = before >= maxStop - 1 ? before - (maxStop - 1) : 0;
            std::size_t cut = std::string::npos;
            for (const std::string& s : params.stop) {
                if (!s.empty()) {
                    cut = std::min(cut, completion.text.find(s, from));
                }
            }
            if (cut != std::string::npos) {
                completion.text.resize(cut);
                std::size_t offset = 0;
                std::size_t keep = 0;
                for (; keep < completion.tokens.size() && offset < cut; ++keep) {
                    GeneratedToken& t = completion.tokens[keep];
                    if (offset + t.piece.size() > cut) {
                        t.piece.resize(cut - offset);
                    }
                    offset += t.piece.size();
                }
                completion.tokens.resize(keep);
                completion.finishReason = "stop";
                break;
            }
        }
    }
    return completion;
}

} // namespace modelguard::sim::upstream
