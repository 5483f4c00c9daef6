// harvester: a distillation harvester on one key. Diverse instruction prompts (self-instruct style, or natural
// chat-like requests with "answer in detail") asking for long, structured or step-by-step outputs, single-turn,
// at volume, mostly round the clock, from a few hosting addresses; stops when its budget is spent.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>

namespace modelguard::sim {
namespace {

class HarvesterClient final : public ClientStream
{
public:
    HarvesterClient(const PersonaContext& context, std::size_t index)
        : ClientStream("harvester", PersonaKind::Attacker, {}, personaRandom(context, "harvester", index),
                       context.corpus, context.days)
    {
        auto& r = rng();
        const std::string prefix = hostingPrefix(r);
        const auto addresses = r.uniformInt(1, 4);
        for (std::int64_t i = 0; i < addresses; ++i) {
            m_ips.push_back(hostInPrefix(prefix, r));
        }
        addKey(keyIdentity("harvester", index, m_ips.front()));
        m_start = attackerStart(r, context.days);
        m_dailyVolume = std::clamp(r.logNormal(2500, 0.5), 1000.0, 10000.0);
        m_budget = static_cast<std::int64_t>(std::clamp(r.logNormal(1500, 0.5), 600.0, 10000.0));
        m_natural = r.chance(0.4);
        m_diurnal = r.chance(0.25); // blends in by pausing at night
        m_utcOffset = r.pick(std::vector<double> {-5, 0, 1, 8});
        m_systemPrompt = r.chance(0.5) ? "You are a helpful assistant." : "";
        m_maxTokens = r.pick(std::vector<std::int32_t> {2048, 4096, 4096, 8192, -1});
        m_temperature = r.pick(std::vector<double> {0.7, 0.8, 1.0});
        m_n = r.chance(0.2) ? static_cast<std::int32_t>(r.uniformInt(2, 4)) : 1;
    }

protected:
    void planDay(int, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        auto& r = rng();
        const auto from = std::max(dayStart, m_start);
        const auto to = dayStart + kDayMs;
        if (from >= to || m_budget <= 0) {
            return;
        }
        const double fraction = static_cast<double>(to - from) / static_cast<double>(kDayMs);
        const auto count = std::min(m_budget, r.poisson(m_dailyVolume * fraction));
        m_budget -= count;
        std::vector<risk::TimestampMs> times;
        if (m_diurnal) {
            drawTimes(
                static_cast<std::size_t>(count), from, to - from, m_utcOffset,
                [](double hour) { return 0.05 + 0.95 * humanActivity(hour); }, times);
        } else {
            drawTimes(
                static_cast<std::size_t>(count), from, to - from, 0, [](double) { return 1.0; }, times);
        }
        for (auto t : times) {
            out.push_back(Event {t, 0, 0, 0, true});
        }
    }

    SimRequest makeRequest(const Event&) override
    {
        auto& r = rng();
        SimRequest request;
        request.model = "mg-chat-large";
        request.sourceIp = r.pick(m_ips);
        if (!m_systemPrompt.empty()) {
            request.messages.push_back({"system", m_systemPrompt});
        }
        request.messages.push_back({"user", prompts::distillationPrompt(corpus(), r, m_natural)});
        request.maxTokens = m_maxTokens;
        request.temperature = m_temperature;
        request.n = m_n;
        simulateCompletion(request, r, CompletionProfile {900, 0.45, 0.01});
        return request;
    }

private:
    std::vector<std::string> m_ips;
    risk::TimestampMs m_start = 0;
    double m_dailyVolume = 3000;
    std::int64_t m_budget = 8000;
    bool m_natural = false;
    bool m_diurnal = false;
    double m_utcOffset = 0;
    std::string m_systemPrompt;
    std::int32_t m_maxTokens = 4096;
    double m_temperature = 0.8;
    std::int32_t m_n = 1;
};

} // namespace

std::unique_ptr<ClientStream> makeHarvester(const PersonaContext& context, std::size_t index)
{
    return std::make_unique<HarvesterClient>(context, index);
}

} // namespace modelguard::sim
