// rag_app: a retrieval-augmented application. High volume round the clock (end users worldwide, a daily swell),
// every request the same template: the app's system prompt, 3-6 passages retrieved from the app's own knowledge
// base (popular passages recur) and the end user's question. Low temperature, moderate answers.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>
#include <cmath>

namespace modelguard::sim {
namespace {

class RagAppClient final : public ClientStream
{
public:
    RagAppClient(const PersonaContext& context, std::size_t index)
        : ClientStream("rag_app", PersonaKind::Benign, {}, personaRandom(context, "rag_app", index), context.corpus,
                       context.days)
    {
        auto& r = rng();
        const std::string prefix = hostingPrefix(r);
        const auto servers = r.uniformInt(1, 3);
        for (std::int64_t i = 0; i < servers; ++i) {
            m_serverIps.push_back(hostInPrefix(prefix, r));
        }
        addKey(keyIdentity("rag_app", index, m_serverIps.front()));
        m_dailyVolume = std::clamp(r.logNormal(1200, 0.6), 300.0, 5000.0);
        m_utcOffset = r.pick(std::vector<double> {-5, 0, 1, 8});
        const std::string product = capitalised(corpus().noun(r));
        static const char* kSystems[] = {
            "You answer questions about {} using only the provided context. If the answer is not in the context, "
            "say that you don't know. Cite the passages you used as [n].",
            "You are the documentation assistant of {}. Use the following pieces of retrieved context to answer "
            "the question. Use three sentences maximum and keep the answer concise.",
            "Answer the customer's question about {} from the knowledge-base articles below. Be friendly. Never "
            "invent policies that are not in the articles.",
        };
        m_systemPrompt = fill(kSystems[r.index(std::size(kSystems))], {product});
        const auto kbSize = r.uniformInt(150, 400);
        for (std::int64_t i = 0; i < kbSize; ++i) {
            m_knowledgeBase.push_back(corpus().passage(r, static_cast<std::size_t>(r.uniformInt(40, 110))));
        }
        m_passages = static_cast<int>(r.uniformInt(3, 6));
        m_maxTokens = r.pick(std::vector<std::int32_t> {256, 512, 800});
        m_temperature = r.pick(std::vector<double> {0.0, 0.1, 0.2, 0.3});
        m_completion.medianTokens = r.uniform(90, 220);
        m_completion.refusalRate = 0.002;
    }

protected:
    void planDay(int day, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        auto& r = rng();
        const double volume = m_dailyVolume * (isWeekend(day) ? 0.8 : 1.0);
        std::vector<risk::TimestampMs> times;
        drawTimes(
            static_cast<std::size_t>(r.poisson(volume)), dayStart, kDayMs, m_utcOffset,
            [](double hour) { return 0.35 + 0.65 * humanActivity(hour); }, times);
        for (auto t : times) {
            out.push_back(Event {t, 0, 0, 0, false});
        }
    }

    SimRequest makeRequest(const Event&) override
    {
        auto& r = rng();
        SimRequest request;
        request.model = "mg-chat-large";
        request.sourceIp = r.pick(m_serverIps);
        request.messages.push_back({"system", m_systemPrompt});
        if (r.chance(0.1)) {
            // The app keeps one previous exchange for follow-up questions.
            request.messages.push_back({"user", prompts::endUserQuestion(corpus(), r)});
            request.messages.push_back({"assistant", prompts::assistantReply(corpus(), r, 80)});
        }
        std::string user = "Context:\n";
        for (int i = 0; i < m_passages; ++i) {
            // Popular articles are retrieved far more often (a power law over the knowledge base).
            const double u = r.uniform();
            const auto doc = static_cast<std::size_t>(std::pow(u, 2.5) * static_cast<double>(m_knowledgeBase.size()));
            user +=
                '[' + std::to_string(i + 1) + "] " + m_knowledgeBase[std::min(doc, m_knowledgeBase.size() - 1)] + '\n';
        }
        user += "\nQuestion: " + prompts::endUserQuestion(corpus(), r);
        request.messages.push_back({"user", std::move(user)});
        request.maxTokens = m_maxTokens;
        request.temperature = m_temperature;
        simulateCompletion(request, r, m_completion);
        return request;
    }

private:
    std::vector<std::string> m_serverIps;
    double m_dailyVolume = 1500;
    double m_utcOffset = 0;
    std::string m_systemPrompt;
    std::vector<std::string> m_knowledgeBase;
    int m_passages = 4;
    std::int32_t m_maxTokens = 512;
    double m_temperature = 0;
    CompletionProfile m_completion;
};

} // namespace

std::unique_ptr<ClientStream> makeRagApp(const PersonaContext& context, std::size_t index)
{
    return std::make_unique<RagAppClient>(context, index);
}

} // namespace modelguard::sim
