#pragma once
// Prompt text of the personas, composed from the corpus (WordNet lemmas/glosses/examples, fortunes) and small
// phrase lists. Free functions: each returns one freshly drawn text.

#include "services/sim/SimRandom.h"
#include "services/sim/TextCorpus.h"

#include <string>

namespace modelguard::sim::prompts {

/// First message of a person's chat conversation: varied intents, tones and lengths (sometimes a pasted text).
std::string chatOpening(const TextCorpus& corpus, SimRandom& rng);
/// A follow-up turn in an ongoing conversation.
std::string chatFollowUp(const TextCorpus& corpus, SimRandom& rng);
/// An assistant message of roughly `tokens` tokens (capped), for conversation history.
std::string assistantReply(const TextCorpus& corpus, SimRandom& rng, std::uint32_t tokens);
/// A question an end user types into an application (help desk, product, knowledge base).
std::string endUserQuestion(const TextCorpus& corpus, SimRandom& rng);
/// A developer's prompt while building or debugging an integration.
std::string developerPrompt(const TextCorpus& corpus, SimRandom& rng);
/// A self-contained task (reasoning, writing, explanation) as used in instruction datasets.
std::string instructionTask(const TextCorpus& corpus, SimRandom& rng);
/// A distillation prompt: an instruction task wrapped to elicit a long, structured or step-by-step answer.
/// natural = true: a chat-like request with a "detailed answer" suffix instead of an explicit dataset wrapper.
std::string distillationPrompt(const TextCorpus& corpus, SimRandom& rng, bool natural);
/// A jailbreak / system-prompt extraction / hidden-reasoning probe.
std::string boundaryProbe(const TextCorpus& corpus, SimRandom& rng);

} // namespace modelguard::sim::prompts
