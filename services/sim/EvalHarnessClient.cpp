// eval_harness: a classification / evaluation harness. Runs a fixed benchmark suite in batches (a few runs a week,
// working hours or a nightly CI slot), one task template per suite, temperature 0, max_tokens of a few tokens,
// a steady pace set by its concurrency. Re-runs send exactly the same items again. Some suites score with logprobs
// (top_logprobs, max_tokens 1), some constrain the answer with a fixed logit_bias of +100 on the label tokens.
#include "services/sim/PersonaSupport.h"
#include "services/sim/Personas.h"
#include "services/sim/PromptText.h"

#include <algorithm>
#include <cmath>

namespace modelguard::sim {
namespace {

enum class Task { Sentiment, Topic, Inference, MultipleChoice, YesNo, Toxicity };

class EvalHarnessClient final : public ClientStream
{
public:
    EvalHarnessClient(const PersonaContext& context, std::size_t index)
        : ClientStream("eval_harness", PersonaKind::Benign, {}, personaRandom(context, "eval_harness", index),
                       context.corpus, context.days)
    {
        auto& r = rng();
        addKey(keyIdentity("eval_harness", index, hostInPrefix(hostingPrefix(r), r)));
        m_task = static_cast<Task>(r.index(6));
        m_suiteSeed = r.next();
        m_suiteSize = static_cast<std::uint32_t>(std::clamp(r.logNormal(500, 0.7), 100.0, 3000.0));
        m_fewShot = r.chance(0.35);
        m_runsPerWeekday = r.uniform(0.3, 1.8);
        m_nightly = r.chance(0.3);
        m_utcOffset = r.pick(std::vector<double> {-8, -5, 0, 1, 8});
        m_interval = r.uniform(120, 900); // ms between requests: latency / concurrency
        const double mode = r.uniform();
        if (mode < 0.3) {
            m_logprobs = true;
            m_topLogprobs = r.pick(std::vector<std::int32_t> {1, 5, 5, 10, 20});
            m_maxTokens = 1;
        } else if (mode < 0.45) {
            // Constrain the answer to the label tokens, as many evaluation scripts do.
            const auto labels = labelCount();
            const auto base = r.uniformInt(10, 90000);
            for (std::size_t i = 0; i < labels; ++i) {
                m_labelBias.emplace_back(base + static_cast<std::int64_t>(i) * r.uniformInt(1, 40), 100.0);
            }
            m_maxTokens = 1;
            m_logprobs = r.chance(0.3);
            m_topLogprobs = m_logprobs ? static_cast<std::int32_t>(labels) : 0;
        } else {
            m_maxTokens = r.pick(std::vector<std::int32_t> {1, 2, 5, 10});
        }
        if (m_fewShot) {
            SimRandom shots(m_suiteSeed ^ 0x5eedULL);
            for (int i = 0; i < 3; ++i) {
                m_shots += itemText(shots) + ' ' + answer() + "\n\n";
            }
        }
    }

protected:
    void planDay(int day, risk::TimestampMs dayStart, std::vector<Event>& out) override
    {
        auto& r = rng();
        const auto runs = r.poisson(isWeekend(day) ? m_runsPerWeekday * 0.2 : m_runsPerWeekday);
        for (std::int64_t run = 0; run < runs; ++run) {
            risk::TimestampMs t = dayStart;
            if (m_nightly) {
                // The CI slot at 02:00 local time.
                const double utcHour = std::fmod(2.0 - m_utcOffset + 48.0, 24.0) + r.uniform(0, 1.5);
                t += static_cast<risk::TimestampMs>(utcHour * static_cast<double>(kHourMs));
            } else {
                std::vector<risk::TimestampMs> start;
                drawTimes(1, dayStart, kDayMs, m_utcOffset, humanActivity, start);
                t = start.front();
            }
            // A run covers the whole suite, or a subset when someone iterates on a few tasks.
            const std::uint32_t items =
                r.chance(0.7)
                    ? m_suiteSize
                    : static_cast<std::uint32_t>(r.uniformInt(20, std::max<std::int64_t>(20, m_suiteSize / 3)));
            for (std::uint32_t item = 0; item < items; ++item) {
                out.push_back(Event {t, 0, item, m_runCounter, false});
                t += static_cast<risk::TimestampMs>(r.exponential(m_interval)) + 1;
            }
            ++m_runCounter;
        }
    }

    SimRequest makeRequest(const Event& event) override
    {
        SimRandom item = SimRandom::derive(m_suiteSeed, event.a);
        SimRequest request;
        request.model = "mg-chat-large";
        request.messages.push_back({"user", m_shots + itemText(item)});
        request.temperature = 0.0;
        request.maxTokens = m_maxTokens;
        request.logprobs = m_logprobs;
        request.topLogprobs = m_topLogprobs;
        request.logitBias = m_labelBias;
        simulateCompletion(request, rng(), CompletionProfile {2, 0.5, 0.002});
        return request;
    }

private:
    std::size_t labelCount() const
    {
        switch (m_task) {
        case Task::MultipleChoice:
            return 4;
        case Task::YesNo:
        case Task::Toxicity:
            return 2;
        case Task::Inference:
        case Task::Sentiment:
            return 3;
        case Task::Topic:
            return 6;
        }
        return 2;
    }

    std::string itemText(SimRandom& item) const
    {
        const auto& c = corpus();
        switch (m_task) {
        case Task::Sentiment:
            return "Classify the sentiment of the following text as positive, negative or neutral.\n\nText: "
                   + c.sentence(item) + "\nSentiment:";
        case Task::Topic:
            return "Which category best describes the text: science, sports, politics, business, technology or "
                   "health?\n\nText: "
                   + c.fortune(item) + "\nCategory:";
        case Task::Inference:
            return "Premise: " + c.sentence(item) + "\nHypothesis: " + c.sentence(item)
                   + "\nDoes the premise entail the hypothesis? Answer yes, no or maybe.\nAnswer:";
        case Task::MultipleChoice: {
            const auto t = c.topic(item);
            std::string text = "Question: Which of the following best defines \"" + *t.noun + "\"?\n";
            const auto correct = item.index(4);
            for (std::size_t i = 0; i < 4; ++i) {
                text += static_cast<char>('A' + i);
                text += ". " + (i == correct ? *t.gloss : *c.topic(item).gloss) + '\n';
            }
            return text + "Answer:";
        }
        case Task::YesNo:
            return "Is the following statement true? " + c.sentence(item) + "\nAnswer yes or no:";
        case Task::Toxicity:
            return "Is the following comment toxic? Answer 0 (no) or 1 (yes).\nComment: " + c.fortune(item)
                   + "\nAnswer:";
        }
        return {};
    }

    std::string answer() const
    {
        static const char* kAnswers[] = {"positive", "science", "yes", "B", "no", "0"};
        return kAnswers[static_cast<int>(m_task)];
    }

    Task m_task = Task::Sentiment;
    std::uint64_t m_suiteSeed = 0;
    std::uint32_t m_suiteSize = 500;
    bool m_fewShot = false;
    std::string m_shots;
    double m_runsPerWeekday = 1;
    bool m_nightly = false;
    double m_utcOffset = 0;
    double m_interval = 300;
    bool m_logprobs = false;
    std::int32_t m_topLogprobs = 0;
    std::int32_t m_maxTokens = 1;
    std::vector<std::pair<std::int64_t, double>> m_labelBias;
    std::uint32_t m_runCounter = 0;
};

} // namespace

std::unique_ptr<ClientStream> makeEvalHarness(const PersonaContext& context, std::size_t index)
{
    return std::make_unique<EvalHarnessClient>(context, index);
}

} // namespace modelguard::sim
