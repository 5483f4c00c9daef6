// boundary_prober: probes the model's boundaries: jailbreak and system-prompt extraction phrasing, requests for the
// hidden reasoning, mixed with some ordinary questions; many refusals. Either scripted (round the clock, short
// gaps) or by hand (daytime sessions, sometimes multi-turn).
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>

namespace modelguard::sim {
namespace {

class BoundaryProberClient final : public ClientStream
{
public:
    BoundaryProberClient(const PersonaContext& context, std::size_t index)
        : ClientStream("boundary_prober", PersonaKind::Attacker, {}, personaRandom(context, "boundary_prober", index),
                       context.corpus, context.days)
    {
        auto& r = rng();
        m_scripted = r.chance(0.5);
        addKey(
            keyIdentity("boundary_prober", index, m_scripted ? hostInPrefix(hostingPrefix(r), r) : residentialIp(r)));
        m_start = attackerStart(r, context.days);
        m_dailyVolume = std::clamp(r.logNormal(m_scripted ? 250 : 60, 0.6), 15.0, 800.0);
        m_budget = static_cast<std::int64_t>(std::clamp(r.logNormal(800, 0.6), 150.0, 4000.0));
        m_probeShare = r.uniform(0.55, 0.9);
        m_utcOffset = r.pick(std::vector<double> {-5, 0, 2, 3, 8});
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
        const auto count = std::min(m_budget, std::max<std::int64_t>(1, r.poisson(m_dailyVolume * fraction)));
        m_budget -= count;
        if (m_scripted) {
            std::vector<risk::TimestampMs> times;
            drawTimes(
                static_cast<std::size_t>(count), from, to - from, 0, [](double) { return 1.0; }, times);
            for (auto t : times) {
                out.push_back(Event {t, 0, 0, 0, true});
            }
            return;
        }
        // By hand: a couple of sessions, a message every minute or two.
        std::vector<risk::TimestampMs> starts;
        drawTimes(2, from, to - from, m_utcOffset, humanActivity, starts);
        std::sort(starts.begin(), starts.end());
        std::int64_t left = count;
        for (std::size_t s = 0; s < starts.size() && left > 0; ++s) {
            const auto n = s + 1 == starts.size() ? left : left / 2;
            auto t = starts[s];
            for (std::int64_t i = 0; i < n; ++i) {
                out.push_back(Event {t, 0, 0, static_cast<std::uint32_t>(i), true});
                t += static_cast<risk::TimestampMs>(std::clamp(r.logNormal(70'000, 0.7), 8'000.0, 900'000.0));
            }
            left -= n;
        }
    }

    SimRequest makeRequest(const Event& event) override
    {
        auto& r = rng();
        SimRequest request;
        request.model = "mg-chat-large";
        if (!m_scripted && event.b > 0 && r.chance(0.3) && !m_lastUser.empty()) {
            // Pushing on after a refusal, in the same conversation.
            request.messages.push_back({"user", m_lastUser});
            request.messages.push_back({"assistant", "I'm sorry, but I can't help with that."});
        }
        const bool probe = r.chance(m_probeShare);
        std::string text = probe ? prompts::boundaryProbe(corpus(), r) : prompts::chatOpening(corpus(), r);
        request.messages.push_back({"user", text});
        m_lastUser = std::move(text);
        request.maxTokens = r.chance(0.5) ? -1 : 1024;
        simulateCompletion(request, r, CompletionProfile {250, 0.7, probe ? 0.7 : 0.01});
        return request;
    }

private:
    bool m_scripted = false;
    risk::TimestampMs m_start = 0;
    double m_dailyVolume = 100;
    std::int64_t m_budget = 800;
    double m_probeShare = 0.7;
    double m_utcOffset = 0;
    std::string m_lastUser;
};

} // namespace

std::unique_ptr<ClientStream> makeBoundaryProber(const PersonaContext& context, std::size_t index)
{
    return std::make_unique<BoundaryProberClient>(context, index);
}

} // namespace modelguard::sim
