#pragma once
// Factories of the simulated personas. Each call builds one client (one API key), except makeSybilCampaign, which
// builds one coordinated campaign of many keys. The same (seed, persona, index) always yields the same stream.
//
// Benign:  chat_user, chat_app, rag_app, eval_harness, batch_summariser, developer
// Attacker: harvester, template_sweep, logit_bias_sweep, bisection_sweep, boundary_prober, sybil_campaign,
//           mixed (a chat_app key with a share of harvester traffic mixed in)

#include "services/sim/ClientStream.h"

#include <memory>

namespace modelguard::sim {

struct PersonaContext
{
    std::shared_ptr<const TextCorpus> corpus;
    std::uint64_t seed = 1;
    int days = 7;
};

/// orgId >= 0 puts the user in an organisation: shared office /24 and the organisation's system prompt.
std::unique_ptr<ClientStream> makeChatUser(const PersonaContext& context, std::size_t index, int orgId);
/// attackShare > 0: the key also carries harvester-style extraction traffic at that share of its requests.
std::unique_ptr<ClientStream> makeChatApp(const PersonaContext& context, std::string persona, std::size_t index,
                                          double attackShare);
std::unique_ptr<ClientStream> makeRagApp(const PersonaContext& context, std::size_t index);
std::unique_ptr<ClientStream> makeEvalHarness(const PersonaContext& context, std::size_t index);
std::unique_ptr<ClientStream> makeBatchSummariser(const PersonaContext& context, std::size_t index);
std::unique_ptr<ClientStream> makeDeveloper(const PersonaContext& context, std::size_t index);

std::unique_ptr<ClientStream> makeHarvester(const PersonaContext& context, std::size_t index);
std::unique_ptr<ClientStream> makeTemplateSweep(const PersonaContext& context, std::size_t index);
std::unique_ptr<ClientStream> makeLogitBiasSweep(const PersonaContext& context, std::size_t index);
std::unique_ptr<ClientStream> makeBisectionSweep(const PersonaContext& context, std::size_t index);
std::unique_ptr<ClientStream> makeBoundaryProber(const PersonaContext& context, std::size_t index);
std::unique_ptr<ClientStream> makeSybilCampaign(const PersonaContext& context, std::size_t index, std::size_t keys);

/// The generator of one persona's client: its own seed stream derived from (seed, persona, index).
SimRandom personaRandom(const PersonaContext& context, std::string_view persona, std::size_t index);
/// "<persona>-<index>" and "k-<persona>-<index>".
KeyIdentity keyIdentity(std::string_view persona, std::size_t index, std::string sourceIp);
/// Start of an attacker's activity: within the first quarter of the simulated period (and the first 6 hours of a
/// one-day run), so every attacker has most of the period to be caught in.
risk::TimestampMs attackerStart(SimRandom& rng, int days);

} // namespace modelguard::sim
