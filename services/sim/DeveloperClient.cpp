// developer: someone building an integration. Working-hours sessions of short prompts, repeats the same test prompt
// while debugging, tries parameters: sometimes logprobs, occasionally a small logit_bias (usually banning a token),
// small max_tokens and temperature 0 at times.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>

namespace modelguard::sim {
namespace {

class DeveloperClient final : public ClientStream
{
public:
    DeveloperClient(const PersonaContext& context, std::size_t index)
        : ClientStream("developer", PersonaKind::Benign, {}, personaRandom(context, "developer", index), context.corpus,
                       context.days)
    {
        auto& r = rng();
        addKey(keyIdentity("developer", index, residentialIp(r)));
        m_utcOffset = r.pick(std::vector<double> {-8, -7, -5, -3, 0, 1, 2, 3, 5.5, 8, 9});
        m_weekdayActive = r.uniform(0.4, 0.9);
        m_logprobsRate = r.uniform(0.02, 0.3);
        m_biasRate = r.uniform(0.0, 0.06);
        m_sessionLength = r.uniform(6, 40);
    }

protected:
    void planDay(int day, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        auto& r = rng();
        if (!r.chance(isWeekend(day) ? 0.15 : m_weekdayActive)) {
            return;
        }
        std::vector<risk::TimestampMs> starts;
        drawTimes(static_cast<std::size_t>(std::max<std::int64_t>(1, r.poisson(1.5))), dayStart, kDayMs, m_utcOffset,
                  humanActivity, starts);
        for (auto t : starts) {
            const auto requests = std::max<std::int64_t>(1, r.poisson(m_sessionLength));
            for (std::int64_t i = 0; i < requests; ++i) {
                out.push_back(Event {t, 0, 0, 0, false});
                // Re-running a script is quick; editing code between runs takes minutes.
                t += static_cast<risk::TimestampMs>(
                    r.chance(0.4) ? r.uniform(1'500, 8'000) : std::clamp(r.logNormal(60'000, 1.0), 5'000.0, 1.8e6));
            }
        }
    }

    SimRequest makeRequest(const Event&) override
    {
        auto& r = rng();
        SimRequest request;
        request.model = r.chance(0.3) ? "mg-chat-small" : "mg-chat-large";
        // Debugging: the same prompt again, or a new one that becomes the current test prompt.
        if (m_currentPrompt.empty() || r.chance(0.45)) {
            m_currentPrompt = prompts::developerPrompt(corpus(), r);
            m_maxTokens = r.pick(std::vector<std::int32_t> {-1, -1, 16, 64, 256, 1024, 1, 5});
            m_temperature = r.pick(std::vector<double> {1.0, 0.0, 0.0, 0.2, 0.7});
        }
        if (r.chance(0.2)) {
            request.messages.push_back({"system", "You are a helpful assistant."});
        }
        request.messages.push_back({"user", m_currentPrompt});
        request.maxTokens = m_maxTokens;
        request.temperature = m_temperature;
        if (r.chance(m_logprobsRate)) {
            request.logprobs = true;
            request.topLogprobs = static_cast<std::int32_t>(r.uniformInt(0, 5));
        }
        if (r.chance(m_biasRate)) {
            const auto entries = r.uniformInt(1, 3);
            for (std::int64_t i = 0; i < entries; ++i) {
                request.logitBias.emplace_back(r.uniformInt(0, 100'000),
                                               r.pick(std::vector<double> {-100, -100, -100, -50, -10, -5, 5, 10}));
            }
        }
        simulateCompletion(request, r, CompletionProfile {120, 0.9, 0.004});
        return request;
    }

private:
    double m_utcOffset = 0;
    double m_weekdayActive = 0.7;
    double m_logprobsRate = 0.1;
    double m_biasRate = 0.02;
    double m_sessionLength = 20;
    std::string m_currentPrompt;
    std::int32_t m_maxTokens = -1;
    double m_temperature = 1.0;
};

} // namespace

std::unique_ptr<ClientStream> makeDeveloper(const PersonaContext& context, std::size_t index)
{
    return std::make_unique<DeveloperClient>(context, index);
}

} // namespace modelguard::sim
