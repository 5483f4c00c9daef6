// bisection_sweep: logit read-out without logprobs (Carlini et al. 2024; openlogprobs "bisection"): the same prompt,
// max_tokens 1, temperature 0, one token id (or a small group, "one-of-N") biased by a magnitude found by binary
// search: about ten requests per id with varying bias, then the next id.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/SweepPacing.h"

#include <algorithm>
#include <cmath>

namespace modelguard::sim {
namespace {

class BisectionSweepClient final : public ClientStream
{
public:
    BisectionSweepClient(const PersonaContext& context, std::size_t index)
        : ClientStream("bisection_sweep", PersonaKind::Attacker, {}, personaRandom(context, "bisection_sweep", index),
                       context.corpus, context.days)
        , m_pacing(rng(), context.days)
    {
        auto& r = rng();
        addKey(keyIdentity("bisection_sweep", index, hostInPrefix(hostingPrefix(r), r)));
        m_prompt = r.chance(0.5) ? corpus().sentence(r) : corpus().fortune(r);
        m_group = r.chance(0.7) ? 1 : r.uniformInt(2, 8);
        m_steps = static_cast<int>(r.uniformInt(7, 12));
        m_vocab = r.pick(std::vector<std::int64_t> {50257, 100256, 128000});
        m_sequential = r.chance(0.6);
        m_token = r.uniformInt(0, m_vocab - 1);
        m_high = r.pick(std::vector<double> {40, 64, 100});
        m_integerBias = r.chance(0.3);
        startSearch();
    }

protected:
    void planDay(int, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        m_pacing.plan(rng(), dayStart + kDayMs, [&](risk::TimestampMs t) { out.push_back(Event {t, 0, 0, 0, true}); });
    }

    SimRequest makeRequest(const Event&) override
    {
        auto& r = rng();
        if (m_step >= m_steps) {
            m_token = m_sequential ? (m_token + m_group) % m_vocab : r.uniformInt(0, m_vocab - 1);
            startSearch();
        }
        double bias = (m_lo + m_hi) / 2.0;
        if (m_integerBias) {
            bias = std::round(bias);
        }
        SimRequest request;
        request.model = "mg-chat-large";
        request.messages.push_back({"user", m_prompt});
        for (std::int64_t i = 0; i < m_group; ++i) {
            request.logitBias.emplace_back((m_token + i) % m_vocab, bias);
        }
        request.maxTokens = 1;
        request.temperature = 0.0;
        simulateCompletion(request, r, CompletionProfile {1, 0.0, 0.0});
        // The observed argmax decides which half to keep.
        if (r.chance(0.5)) {
            m_hi = bias;
        } else {
            m_lo = bias;
        }
        ++m_step;
        return request;
    }

private:
    void startSearch()
    {
        m_lo = 0;
        m_hi = m_high;
        m_step = 0;
    }

    SweepPacing m_pacing;
    std::string m_prompt;
    std::int64_t m_group = 1;
    int m_steps = 10;
    std::int64_t m_vocab = 100256;
    bool m_sequential = true;
    std::int64_t m_token = 0;
    double m_high = 100;
    bool m_integerBias = false;
    double m_lo = 0;
    double m_hi = 100;
    int m_step = 0;
};

} // namespace

std::unique_ptr<ClientStream> makeBisectionSweep(const PersonaContext& context, std::size_t index)
{
    return std::make_unique<BisectionSweepClient>(context, index);
}

} // namespace modelguard::sim
