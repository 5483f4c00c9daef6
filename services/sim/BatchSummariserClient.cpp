// batch_summariser: a nightly job that summarises the day's documents (reports, transcripts, ticket threads): long
// prompts, one instruction template, a steady pace set by its worker count, mostly on weekdays.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>
#include <cmath>

namespace modelguard::sim {
namespace {

class BatchSummariserClient final : public ClientStream
{
public:
    BatchSummariserClient(const PersonaContext& context, std::size_t index)
        : ClientStream("batch_summariser", PersonaKind::Benign, {}, personaRandom(context, "batch_summariser", index),
                       context.corpus, context.days)
    {
        auto& r = rng();
        addKey(keyIdentity("batch_summariser", index, hostInPrefix(hostingPrefix(r), r)));
        m_utcOffset = r.pick(std::vector<double> {-8, -5, 0, 1, 2, 9});
        m_documents = std::clamp(r.logNormal(150, 0.6), 20.0, 800.0);
        m_weekends = r.chance(0.4);
        m_workers = static_cast<int>(r.uniformInt(1, 4));
        static const char* kDocTypes[] = {"report", "meeting transcript", "support ticket thread", "news article",
                                          "research note"};
        m_docType = kDocTypes[r.index(std::size(kDocTypes))];
        m_bullets = static_cast<int>(r.uniformInt(3, 8));
        m_maxTokens = r.pick(std::vector<std::int32_t> {400, 600, 800, 1000});
        m_temperature = r.pick(std::vector<double> {0.2, 0.3, 0.5});
        m_docWords = r.uniform(900, 2500);
    }

protected:
    void planDay(int day, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        auto& r = rng();
        if (isWeekend(day) && !m_weekends) {
            return;
        }
        const double utcHour = std::fmod(1.0 - m_utcOffset + 48.0, 24.0) + r.uniform(0, 2.0);
        auto t = dayStart + static_cast<risk::TimestampMs>(utcHour * static_cast<double>(kHourMs));
        const auto documents = std::max<std::int64_t>(1, r.poisson(m_documents * (isWeekend(day) ? 0.3 : 1.0)));
        for (std::int64_t i = 0; i < documents; ++i) {
            out.push_back(Event {t, 0, static_cast<std::uint32_t>(i), 0, false});
            // Each worker waits for its long completion before taking the next document.
            t += static_cast<risk::TimestampMs>(r.logNormal(18'000, 0.4) / m_workers);
        }
    }

    SimRequest makeRequest(const Event&) override
    {
        auto& r = rng();
        SimRequest request;
        request.model = "mg-chat-large";
        const auto words = static_cast<std::size_t>(std::clamp(r.logNormal(m_docWords, 0.6), 250.0, 6000.0));
        request.messages.push_back({"user", "Summarise the following " + m_docType + " in " + std::to_string(m_bullets)
                                                + " bullet points for a busy reader. Keep names, dates and figures.\n\n"
                                                + corpus().passage(r, words)});
        request.maxTokens = m_maxTokens;
        request.temperature = m_temperature;
        simulateCompletion(request, r, CompletionProfile {static_cast<double>(m_bullets) * 45.0, 0.3, 0.002});
        return request;
    }

private:
    double m_utcOffset = 0;
    double m_documents = 150;
    bool m_weekends = false;
    int m_workers = 1;
    std::string m_docType;
    int m_bullets = 5;
    std::int32_t m_maxTokens = 600;
    double m_temperature = 0.3;
    double m_docWords = 1500;
};

} // namespace

std::unique_ptr<ClientStream> makeBatchSummariser(const PersonaContext& context, std::size_t index)
{
    return std::make_unique<BatchSummariserClient>(context, index);
}

} // namespace modelguard::sim
