#pragma once
// Turns the hidden logits of a LogitModel into a completion: applies logit_bias, temperature (0 = argmax) and
// sampling over the whole 50,000-id vocabulary, reports log-probabilities of the biased distribution at
// temperature 1, honours max_tokens and stop sequences. Exact, yet O(candidates) per token: the background mass is
// a precomputed sum.

#include "services/sim/upstream/LogitModel.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace modelguard::sim::upstream {

struct SamplingParams
{
    double temperature = 1.0;            ///< 0..2; 0 = greedy (argmax)
    std::size_t maxTokens = 0;           ///< 0 = until end-of-text (the model's natural length)
    std::vector<std::string> stop;       ///< up to 4 stop sequences; the text ends before the first occurrence
    std::map<TokenId, double> logitBias; ///< added to the logits before softmax, -100..100
    std::size_t topLogprobs = 0;         ///< alternatives reported per token, 0..20
    std::uint64_t samplerSeed = 0;       ///< draws for temperature > 0 (choice index and request seed mixed in)
};

struct TokenLogprob
{
    TokenId id;
    std::string piece; ///< text as it would appear at this position (with its leading space)
    double logprob;
};

struct GeneratedToken
{
    TokenId id;
    std::string piece;             ///< the text this token adds (may be cut short by a stop sequence)
    double logprob;                ///< log-probability under the biased distribution at temperature 1
    std::vector<TokenLogprob> top; ///< the topLogprobs most likely tokens, most likely first
};

struct Completion
{
    std::vector<GeneratedToken> tokens; ///< tokens whose text is part of the completion
    std::string text;                   ///< concatenation of the pieces
    std::string finishReason;           ///< "stop" (end-of-text or stop sequence) or "length" (max_tokens)
    std::size_t completionTokens = 0;   ///< generated tokens, counting one that completed a stop sequence
};

class Generator
{
public:
    explicit Generator(const TextModel& model);

    /// Generates one completion for the context of `logits`.
    Completion generate(const LogitModel& logits, const SamplingParams& params) const;

    /// Text of `id` following `previous` (nullopt at the start): words get a leading space, closing punctuation
    /// and paragraph breaks do not, end-of-text is empty.
    std::string piece(const TokenId* previous, TokenId id) const;

private:
    const TextModel& m_model;
    double m_backgroundLogSum1; ///< log of the sum of exp(background logit) over all ids
};

} // namespace modelguard::sim::upstream
