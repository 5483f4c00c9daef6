// sybil_campaign: one distillation campaign spread over many keys ("hydra"): every key stays a light user (under
// 100 requests per day), all keys were created together, sit in one hosting /24, share two or three prompt
// templates (reasoning-trace elicitation around diverse tasks) and are driven by one load balancer, so their
// requests come round-robin at a steady campaign-wide rate.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>

namespace modelguard::sim {
namespace {

const std::vector<std::string_view> kCampaignTemplates = {
    "Imagine and articulate the internal reasoning behind the following completed answer, and write it out step "
    "by step.\nQuestion: What is {}?\nAnswer: {}",
    "Solve the task below. Before the final answer, write out your complete chain of thought in detail.\nTask: {}",
    "Explain how you arrived at the answer, listing every intermediate step of your reasoning.\n{}",
    "You are a meticulous teacher. {}\nShow all of your work and reasoning, then state the final answer on its own "
    "line.",
    "Answer the following and include a section called 'Reasoning' that reconstructs your thought process in "
    "full: {}",
};

class SybilCampaign final : public ClientStream
{
public:
    SybilCampaign(const PersonaContext& context, std::size_t index, std::size_t keys)
        : ClientStream("sybil_campaign", PersonaKind::Attacker, {}, personaRandom(context, "sybil_campaign", index),
                       context.corpus, context.days)
    {
        auto& r = rng();
        const std::string prefix = hostingPrefix(r);
        std::vector<std::string> hosts;
        for (std::size_t k = 0; k < keys; ++k) {
            // Some keys share an address behind the same proxy host.
            if (hosts.empty() || r.chance(0.7)) {
                hosts.push_back(hostInPrefix(prefix, r));
            }
            addKey(keyIdentity("sybil-" + std::to_string(index), k, hosts.back()));
        }
        m_keys = keys;
        // Light users: each key 55-95 requests a day.
        m_perKeyDaily = r.uniform(55, 95);
        m_start = kSimEpochMs + static_cast<risk::TimestampMs>(r.uniform(0, 4) * static_cast<double>(kHourMs));
        const auto templates = r.uniformInt(2, 3);
        std::vector<std::size_t> order(kCampaignTemplates.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        for (std::int64_t i = 0; i < templates; ++i) {
            std::swap(order[static_cast<std::size_t>(i)],
                      order[static_cast<std::size_t>(r.uniformInt(i, static_cast<std::int64_t>(order.size()) - 1))]);
            m_templates.push_back(order[static_cast<std::size_t>(i)]);
        }
        m_maxTokens = r.pick(std::vector<std::int32_t> {4096, 8192});
        m_temperature = r.pick(std::vector<double> {0.6, 0.8, 1.0});
    }

protected:
    void planDay(int, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        auto& r = rng();
        const auto from = std::max(dayStart, m_start);
        const auto to = dayStart + kDayMs;
        if (from >= to) {
            return;
        }
        const double fraction = static_cast<double>(to - from) / static_cast<double>(kDayMs);
        // Round-robin over the keys at a steady rate: every key gets the same cadence, shifted in phase.
        const auto perKey = static_cast<std::int64_t>(m_perKeyDaily * fraction);
        const double tick = static_cast<double>(to - from) / static_cast<double>(std::max<std::int64_t>(1, perKey));
        for (std::int64_t round = 0; round < perKey; ++round) {
            const double roundStart = static_cast<double>(from) + tick * static_cast<double>(round);
            for (std::size_t k = 0; k < m_keys; ++k) {
                const double t =
                    roundStart + tick * static_cast<double>(k) / static_cast<double>(m_keys) + r.uniform(0, 2'000);
                out.push_back(Event {static_cast<risk::TimestampMs>(t), static_cast<std::uint32_t>(k), 0, 0, true});
            }
        }
    }

    SimRequest makeRequest(const Event&) override
    {
        auto& r = rng();
        const auto& c = corpus();
        const auto pattern = kCampaignTemplates[m_templates[r.index(m_templates.size())]];
        std::string text;
        if (pattern.find("What is {}") != std::string_view::npos) {
            const auto t = c.topic(r);
            text = fill(pattern, {*t.noun, *t.gloss});
        } else {
            text = fill(pattern, {prompts::instructionTask(c, r)});
        }
        SimRequest request;
        request.model = "mg-chat-large";
        request.messages.push_back({"user", std::move(text)});
        request.maxTokens = m_maxTokens;
        request.temperature = m_temperature;
        simulateCompletion(request, r, CompletionProfile {1100, 0.4, 0.02});
        return request;
    }

private:
    std::size_t m_keys = 1;
    double m_perKeyDaily = 80;
    risk::TimestampMs m_start = 0;
    std::vector<std::size_t> m_templates;
    std::int32_t m_maxTokens = 4096;
    double m_temperature = 0.8;
};

} // namespace

std::unique_ptr<ClientStream> makeSybilCampaign(const PersonaContext& context, std::size_t index, std::size_t keys)
{
    return std::make_unique<SybilCampaign>(context, index, keys);
}

} // namespace modelguard::sim
