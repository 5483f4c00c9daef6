// template_sweep: task-specific extraction ("model leeching"): one fixed instruction skeleton with a strict output
// format, the slot filled with items drawn from a broad corpus, single-turn, steady pace round the clock.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>

namespace modelguard::sim {
namespace {

class TemplateSweepClient final : public ClientStream
{
public:
    TemplateSweepClient(const PersonaContext& context, std::size_t index)
        : ClientStream("template_sweep", PersonaKind::Attacker, {}, personaRandom(context, "template_sweep", index),
                       context.corpus, context.days)
    {
        auto& r = rng();
        addKey(keyIdentity("template_sweep", index, hostInPrefix(hostingPrefix(r), r)));
        m_start = attackerStart(r, context.days);
        m_dailyVolume = std::clamp(r.logNormal(2500, 0.5), 1000.0, 10000.0);
        m_budget = static_cast<std::int64_t>(std::clamp(r.logNormal(1500, 0.5), 600.0, 10000.0));
        m_skeleton = static_cast<int>(r.index(5));
        m_maxTokens = r.pick(std::vector<std::int32_t> {128, 256, 512});
        m_temperature = r.pick(std::vector<double> {0.0, 0.0, 0.2});
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
        // Steady pacing with jitter: one worker loop.
        const double gap = static_cast<double>(to - from) / static_cast<double>(std::max<std::int64_t>(1, count));
        double t = static_cast<double>(from);
        for (std::int64_t i = 0; i < count; ++i) {
            out.push_back(Event {static_cast<risk::TimestampMs>(t), 0, 0, 0, true});
            t += gap * r.uniform(0.5, 1.5);
        }
    }

    SimRequest makeRequest(const Event&) override
    {
        auto& r = rng();
        const auto& c = corpus();
        SimRequest request;
        request.model = "mg-chat-large";
        std::string text;
        switch (m_skeleton) {
        case 0:
            text = "You are an expert assistant. Read the context and answer the question. Return only a valid "
                   "JSON object with the keys \"answer\" and \"sentence\". If the question cannot be answered "
                   "from the context, set \"answer\" to \"UNSURE\".\n\nContext: "
                   + c.passage(r, static_cast<std::size_t>(r.uniformInt(60, 160)))
                   + "\n\nQuestion: " + capitalised(prompts::endUserQuestion(c, r));
            break;
        case 1:
            text = "Extract every named entity from the text below. Return only JSON of the form {\"entities\": "
                   "[{\"text\": ..., \"type\": ...}]}.\n\nText: "
                   + c.passage(r, static_cast<std::size_t>(r.uniformInt(40, 120)));
            break;
        case 2:
            text = "Label the sentiment of the review as positive, negative or mixed and justify it in one "
                   "sentence. Respond only with JSON {\"label\": ..., \"reason\": ...}.\nReview: "
                   + c.sentence(r) + ' ' + c.fortune(r);
            break;
        case 3:
            text = "Paraphrase the following sentence in five different ways. Output a numbered list only.\n"
                   "Sentence: "
                   + c.sentence(r);
            break;
        default: {
            const auto t = c.topic(r);
            text = "Define the term below as a dictionary would, give two example sentences and three synonyms. "
                   "Output JSON with the keys \"definition\", \"examples\" and \"synonyms\".\nTerm: "
                   + *t.noun;
            break;
        }
        }
        request.messages.push_back({"user", std::move(text)});
        request.maxTokens = m_maxTokens;
        request.temperature = m_temperature;
        simulateCompletion(request, r, CompletionProfile {110, 0.4, 0.003});
        return request;
    }

private:
    risk::TimestampMs m_start = 0;
    double m_dailyVolume = 3000;
    std::int64_t m_budget = 8000;
    int m_skeleton = 0;
    std::int32_t m_maxTokens = 256;
    double m_temperature = 0;
};

} // namespace

std::unique_ptr<ClientStream> makeTemplateSweep(const PersonaContext& context, std::size_t index)
{
    return std::make_unique<TemplateSweepClient>(context, index);
}

} // namespace modelguard::sim
