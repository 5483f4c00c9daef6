// logit_bias_sweep: the Carlini et al. (2024) logit read-out through a top-k logprob API. The same prompt (or a
// few) again and again, each request biasing a fresh batch of token ids by an extreme amount so that they enter the
// top logprobs; max_tokens 1, temperature 0, logprobs with top_logprobs. Ids rotate systematically (in order, or
// shuffled blocks) over the vocabulary.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/SweepPacing.h"

#include <algorithm>

namespace modelguard::sim {
namespace {

class LogitBiasSweepClient final : public ClientStream
{
public:
    LogitBiasSweepClient(const PersonaContext& context, std::size_t index)
        : ClientStream("logit_bias_sweep", PersonaKind::Attacker, {}, personaRandom(context, "logit_bias_sweep", index),
                       context.corpus, context.days)
        , m_pacing(rng(), context.days)
    {
        auto& r = rng();
        addKey(keyIdentity("logit_bias_sweep", index, hostInPrefix(hostingPrefix(r), r)));
        const auto promptCount = r.chance(0.7) ? 1 : r.uniformInt(2, 3);
        for (std::int64_t i = 0; i < promptCount; ++i) {
            m_prompts.push_back(r.chance(0.5) ? corpus().sentence(r) : corpus().noun(r));
        }
        m_batch = r.pick(std::vector<std::int64_t> {4, 4, 5, 10, 16, 20});
        m_bias = r.pick(std::vector<double> {100, 100, 100, 80, 50});
        m_vocab = r.pick(std::vector<std::int64_t> {50257, 100256, 128000, 200000});
        m_shuffled = r.chance(0.4);
        m_next = r.uniformInt(0, m_vocab - 1);
        m_topLogprobs = r.pick(std::vector<std::int32_t> {5, 5, 20});
    }

protected:
    void planDay(int, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        m_pacing.plan(rng(), dayStart + kDayMs, [&](risk::TimestampMs t) { out.push_back(Event {t, 0, 0, 0, true}); });
    }

    SimRequest makeRequest(const Event&) override
    {
        auto& r = rng();
        SimRequest request;
        request.model = "mg-chat-large";
        request.messages.push_back({"user", m_prompts[m_counter % m_prompts.size()]});
        if (m_prompts.size() == 1 || m_counter % m_prompts.size() == 0) {
            // Next batch of ids: the following block, or a random block when the attacker shuffles.
            m_next = m_shuffled ? r.uniformInt(0, m_vocab / m_batch - 1) * m_batch : (m_next + m_batch) % m_vocab;
        }
        for (std::int64_t i = 0; i < m_batch; ++i) {
            request.logitBias.emplace_back((m_next + i) % m_vocab, m_bias);
        }
        ++m_counter;
        request.maxTokens = 1;
        request.temperature = 0.0;
        request.logprobs = true;
        request.topLogprobs = m_topLogprobs;
        simulateCompletion(request, r, CompletionProfile {1, 0.0, 0.0});
        return request;
    }

private:
    SweepPacing m_pacing;
    std::vector<std::string> m_prompts;
    std::int64_t m_batch = 4;
    double m_bias = 100;
    std::int64_t m_vocab = 100256;
    bool m_shuffled = false;
    std::int64_t m_next = 0;
    std::int32_t m_topLogprobs = 5;
    std::size_t m_counter = 0;
};

} // namespace

std::unique_ptr<ClientStream> makeLogitBiasSweep(const PersonaContext& context, std::size_t index)
{
    return std::make_unique<LogitBiasSweepClient>(context, index);
}

} // namespace modelguard::sim
