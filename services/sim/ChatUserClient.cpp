// chat_user: a person using a chat assistant. Bursty sessions in local daytime, multi-turn conversations on varied
// topics, varied prompt lengths, mostly default parameters; sometimes inside an organisation (shared office /24 and
// the organisation's system prompt).
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>

namespace modelguard::sim {
namespace {

constexpr double kUtcOffsets[] = {-8, -7, -6, -5, -5, -4, -3, 0, 0, 1, 1, 1, 2, 3, 5.5, 8, 9, 10};

class ChatUserClient final : public ClientStream
{
public:
    ChatUserClient(const PersonaContext& context, std::size_t index, int orgId)
        : ClientStream("chat_user", PersonaKind::Benign, {}, personaRandom(context, "chat_user", index), context.corpus,
                       context.days)
    {
        auto& r = rng();
        std::string ip;
        if (orgId >= 0) {
            SimRandom org = personaRandom(context, "organisation", static_cast<std::size_t>(orgId));
            m_utcOffset = kUtcOffsets[org.index(std::size(kUtcOffsets))];
            const std::string prefix = hostingPrefix(org);
            static const char* kOrgKinds[] = {
                "law firm",          "engineering company", "hospital",    "university department",
                "insurance company", "design agency",       "city council"};
            m_systemPrompt =
                "You are the internal assistant of " + capitalised(corpus().noun(org)) + " "
                + kOrgKinds[org.index(std::size(kOrgKinds))]
                + ". Be concise and professional. Do not share confidential information outside the company.";
            ip = hostInPrefix(prefix, r);
        } else {
            m_utcOffset = kUtcOffsets[r.index(std::size(kUtcOffsets))];
            ip = residentialIp(r);
        }
        addKey(keyIdentity("chat_user", index, ip));
        m_weekdayActive = r.uniform(0.35, 0.95);
        m_weekendActive = r.uniform(0.1, 0.6);
        m_sessionsPerDay = std::clamp(r.logNormal(2.0, 0.6), 0.5, 12.0);
        m_turnsMean = std::clamp(r.logNormal(3.0, 0.5), 1.2, 12.0);
        m_maxTokens = r.chance(0.6) ? -1 : r.pick(std::vector<std::int32_t> {256, 512, 1024, 2048, 4096});
        m_temperature = r.chance(0.7) ? 1.0 : r.pick(std::vector<double> {0.2, 0.5, 0.7, 0.9});
        m_completion.medianTokens = r.uniform(150, 450);
        m_completion.refusalRate = 0.006;
    }

protected:
    void planDay(int day, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        auto& r = rng();
        if (!r.chance(isWeekend(day) ? m_weekendActive : m_weekdayActive)) {
            return;
        }
        const auto sessions = std::max<std::int64_t>(1, r.poisson(m_sessionsPerDay));
        std::vector<risk::TimestampMs> starts;
        drawTimes(static_cast<std::size_t>(sessions), dayStart, kDayMs, m_utcOffset, humanActivity, starts);
        std::sort(starts.begin(), starts.end());
        risk::TimestampMs busyUntil = 0;
        for (auto start : starts) {
            risk::TimestampMs t = std::max(start, busyUntil);
            const auto turns = std::min<std::int64_t>(40, 1 + r.poisson(m_turnsMean - 1.0));
            for (std::int64_t turn = 0; turn < turns; ++turn) {
                out.push_back(Event {t, 0, m_sessionCounter, static_cast<std::uint32_t>(turn), false});
                // Reading the answer and typing the next message.
                t += static_cast<risk::TimestampMs>(std::clamp(r.logNormal(45'000, 0.8), 4'000.0, 900'000.0));
            }
            busyUntil = t + 5 * kMinuteMs;
            ++m_sessionCounter;
        }
    }

    SimRequest makeRequest(const Event& event) override
    {
        auto& r = rng();
        if (event.b == 0) {
            m_history.clear();
        }
        SimRequest request;
        request.model = "mg-chat-large";
        if (!m_systemPrompt.empty()) {
            request.messages.push_back({"system", m_systemPrompt});
        }
        for (const auto& m : m_history) {
            request.messages.push_back(m);
        }
        std::string text = event.b == 0 ? prompts::chatOpening(corpus(), r) : prompts::chatFollowUp(corpus(), r);
        request.messages.push_back({"user", text});
        request.maxTokens = m_maxTokens;
        request.temperature = m_temperature;
        simulateCompletion(request, r, m_completion);
        m_history.push_back({"user", std::move(text)});
        m_history.push_back({"assistant", prompts::assistantReply(corpus(), r, request.completionTokens)});
        while (m_history.size() > 8) {
            m_history.erase(m_history.begin(), m_history.begin() + 2);
        }
        return request;
    }

private:
    double m_utcOffset = 0;
    double m_weekdayActive = 0.7;
    double m_weekendActive = 0.3;
    double m_sessionsPerDay = 2;
    double m_turnsMean = 3;
    std::int32_t m_maxTokens = -1;
    double m_temperature = 1.0;
    CompletionProfile m_completion;
    std::string m_systemPrompt;
    std::vector<ChatMessage> m_history;
    std::uint32_t m_sessionCounter = 0;
};

} // namespace

std::unique_ptr<ClientStream> makeChatUser(const PersonaContext& context, std::size_t index, int orgId)
{
    return std::make_unique<ChatUserClient>(context, index, orgId);
}

} // namespace modelguard::sim
