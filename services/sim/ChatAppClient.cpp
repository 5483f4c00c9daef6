// chat_app: the API key of an application that relays many end users' chats (a support bot, a writing tool). High
// volume with the end users' daily rhythm, interleaved multi-turn conversations under one system prompt, a few
// server addresses. With attackShare > 0 it is the "mixed" attacker: a reseller/proxy key that also carries
// harvester-style extraction requests (single-turn, long outputs, round the clock) at that share of its traffic.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>
#include <array>

namespace modelguard::sim {
namespace {

class ChatAppClient final : public ClientStream
{
public:
    ChatAppClient(const PersonaContext& context, std::string persona, std::size_t index, double attackShare)
        : ClientStream(persona, attackShare > 0 ? PersonaKind::Attacker : PersonaKind::Benign, {},
                       personaRandom(context, persona, index), context.corpus, context.days)
        , m_attackShare(std::clamp(attackShare, 0.0, 0.95))
    {
        auto& r = rng();
        const std::string prefix = hostingPrefix(r);
        const auto servers = r.uniformInt(1, 4);
        for (std::int64_t i = 0; i < servers; ++i) {
            m_serverIps.push_back(hostInPrefix(prefix, r));
        }
        addKey(keyIdentity(persona, index, m_serverIps.front()));
        static const double kRegions[] = {-6, -5, 0, 1, 2, 8, 9};
        m_utcOffset = kRegions[r.index(std::size(kRegions))];
        m_dailyVolume = std::clamp(r.logNormal(1000, 0.4), 600.0, 3000.0);
        static const char* kApps[] = {"a customer support assistant for", "a writing helper inside",
                                      "a study buddy app about", "the help chat of", "a travel planner for"};
        m_systemPrompt = "You are " + std::string(kApps[r.index(std::size(kApps))]) + " "
                         + capitalised(corpus().noun(r)) + ". Answer helpfully and politely. "
                         + (r.chance(0.5) ? "Keep answers under 200 words. " : "")
                         + "If you do not know the answer, say so.";
        m_maxTokens = r.pick(std::vector<std::int32_t> {-1, 400, 600, 1000});
        m_temperature = r.pick(std::vector<double> {0.3, 0.5, 0.7, 1.0});
        m_completion.medianTokens = r.uniform(120, 300);
        m_completion.refusalRate = 0.004;
        // The extraction side of a mixed key.
        m_naturalAttack = r.chance(0.4);
        m_attackMaxTokens = r.pick(std::vector<std::int32_t> {2048, 4096, 4096, -1});
    }

protected:
    void planDay(int day, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        auto& r = rng();
        const double volume = m_dailyVolume * (isWeekend(day) ? 0.7 : 1.0);
        std::vector<risk::TimestampMs> times;
        drawTimes(
            static_cast<std::size_t>(r.poisson(volume)), dayStart, kDayMs, m_utcOffset,
            [](double hour) { return 0.12 + 0.88 * humanActivity(hour); }, times);
        for (auto t : times) {
            out.push_back(Event {t, 0, 0, 0, false});
        }
        if (m_attackShare > 0) {
            // The extraction script runs round the clock at a share of the key's traffic.
            const double attackVolume = volume * m_attackShare / (1.0 - m_attackShare);
            times.clear();
            drawTimes(
                static_cast<std::size_t>(r.poisson(attackVolume)), dayStart, kDayMs, 0, [](double) { return 1.0; },
                times);
            for (auto t : times) {
                out.push_back(Event {t, 0, 0, 0, true});
            }
        }
    }

    SimRequest makeRequest(const Event& event) override
    {
        auto& r = rng();
        SimRequest request;
        request.model = "mg-chat-large";
        request.sourceIp = r.pick(m_serverIps);
        if (event.attack) {
            request.messages.push_back({"user", prompts::distillationPrompt(corpus(), r, m_naturalAttack)});
            request.maxTokens = m_attackMaxTokens;
            request.temperature = r.pick(std::vector<double> {0.7, 0.8, 1.0});
            simulateCompletion(request, r, CompletionProfile {900, 0.4, 0.01});
            return request;
        }
        // Pick a conversation slot: a new conversation or the next turn of an ongoing one.
        auto& slot = m_conversations[r.index(m_conversations.size())];
        if (slot.empty() || r.chance(0.35) || slot.size() > 16) {
            slot.clear();
        }
        request.messages.push_back({"system", m_systemPrompt});
        for (const auto& m : slot) {
            request.messages.push_back(m);
        }
        std::string text =
            slot.empty() ? (r.chance(0.5) ? prompts::endUserQuestion(corpus(), r) : prompts::chatOpening(corpus(), r))
                         : prompts::chatFollowUp(corpus(), r);
        request.messages.push_back({"user", text});
        request.maxTokens = m_maxTokens;
        request.temperature = m_temperature;
        simulateCompletion(request, r, m_completion);
        slot.push_back({"user", std::move(text)});
        slot.push_back({"assistant", prompts::assistantReply(corpus(), r, request.completionTokens)});
        return request;
    }

private:
    double m_attackShare;
    std::vector<std::string> m_serverIps;
    double m_utcOffset = 0;
    double m_dailyVolume = 1500;
    std::string m_systemPrompt;
    std::int32_t m_maxTokens = -1;
    double m_temperature = 0.7;
    CompletionProfile m_completion;
    std::array<std::vector<ChatMessage>, 24> m_conversations;
    bool m_naturalAttack = false;
    std::int32_t m_attackMaxTokens = 4096;
};

} // namespace

std::unique_ptr<ClientStream> makeChatApp(const PersonaContext& context, std::string persona, std::size_t index,
                                          double attackShare)
{
    return std::make_unique<ChatAppClient>(context, std::move(persona), index, attackShare);
}

} // namespace modelguard::sim
