// `modelguard-cli risk eval|traffic`: the extraction-risk evaluation harness (services/sim) from the shell.
//
// risk eval     simulates the benign and attacker personas for --days days, feeds every request to one risk engine
//               and prints per persona: clients, share flagged, requests until the first flag (attackers), share of
//               benign keys flagged per simulated day. --json prints a JSON array, one object per persona.
// risk traffic  prints the simulated requests themselves as JSON lines (for inspection or to replay elsewhere).
//
// Exit codes: 0 = success, 2 = usage or input error (including missing corpus data packages).
#include "app/cli/Commands.h"

#include "services/sim/Evaluation.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <exception>
#include <memory>
#include <string>

namespace modelguard::cli {

namespace {

namespace sim = modelguard::sim;

constexpr int kExitError = 2;

struct EvalArgs
{
    std::uint64_t seed = 1;
    int days = 7;
    bool json = false;
    std::uint64_t calibrationSeed = 0; ///< 0 = use the engine's built-in calibration
    int calibrationDays = 2;
};

struct TrafficArgs
{
    std::uint64_t seed = 1;
    int days = 1;
    std::string persona;
    std::uint64_t limit = 100;
};

std::string kindName(sim::PersonaKind kind)
{
    return kind == sim::PersonaKind::Benign ? "benign" : "attacker";
}

nlohmann::json personaJson(const sim::PersonaResult& p)
{
    nlohmann::json o;
    o["persona"] = p.persona;
    o["kind"] = kindName(p.kind);
    o["clients"] = p.clients;
    o["flagged_clients"] = p.flaggedClients;
    o["flagged_share"] = p.flaggedShare;
    o["requests"] = p.requests;
    const bool attacker = p.kind == sim::PersonaKind::Attacker;
    o["median_requests_to_flag"] =
        attacker && p.medianRequestsToFlag ? nlohmann::json(*p.medianRequestsToFlag) : nlohmann::json(nullptr);
    o["max_requests_to_flag"] =
        attacker && p.maxRequestsToFlag ? nlohmann::json(*p.maxRequestsToFlag) : nlohmann::json(nullptr);
    o["attack_units"] = attacker ? nlohmann::json(p.requestsToFlag.size()) : nlohmann::json(nullptr);
    o["flagged_keys_per_day_share"] =
        !attacker && p.flaggedKeysPerDayShare ? nlohmann::json(*p.flaggedKeysPerDayShare) : nlohmann::json(nullptr);
    if (!attacker) {
        o["active_key_days"] = p.activeKeyDays;
        o["flagged_key_days"] = p.flaggedKeyDays;
    }
    return o;
}

std::string percent(double share, int decimals)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f%%", decimals, share * 100.0);
    return buffer;
}

void printTable(const sim::EvaluationResult& result)
{
    std::printf("%-18s %-8s %7s %8s %9s %9s %14s\n", "persona", "kind", "clients", "flagged", "median", "worst",
                "flagged/day");
    std::printf("%-18s %-8s %7s %8s %9s %9s %14s\n", "", "", "", "", "req>flag", "req>flag", "(benign keys)");
    for (const auto& p : result.personas) {
        const bool attacker = p.kind == sim::PersonaKind::Attacker;
        std::string median = "-";
        std::string worst = "-";
        std::string perDay = "-";
        if (attacker) {
            median = p.medianRequestsToFlag ? std::to_string(static_cast<long long>(*p.medianRequestsToFlag)) : "never";
            worst = p.maxRequestsToFlag ? std::to_string(*p.maxRequestsToFlag) : "never";
        } else if (p.flaggedKeysPerDayShare) {
            perDay = percent(*p.flaggedKeysPerDayShare, 3);
        }
        std::printf("%-18s %-8s %7zu %8s %9s %9s %14s\n", p.persona.c_str(), kindName(p.kind).c_str(), p.clients,
                    percent(p.flaggedShare, 1).c_str(), median.c_str(), worst.c_str(), perDay.c_str());
    }
    std::printf("\nall benign keys: %s of active key-days flagged\n",
                percent(result.benignFlaggedKeysPerDayShare, 3).c_str());
    std::printf("seed %llu, %d simulated days, %llu requests", static_cast<unsigned long long>(result.seed),
                result.days, static_cast<unsigned long long>(result.totalRequests));
    if (result.calibrationSeed) {
        std::printf(", calibrated on benign traffic of seed %llu (%llu requests)",
                    static_cast<unsigned long long>(*result.calibrationSeed),
                    static_cast<unsigned long long>(result.calibrationRequests));
    }
    std::printf(", %.1f s\n", result.wallSeconds);
    std::printf("flagged = score >= 60 at any request; sybil_campaign counts requests across a campaign's keys\n");
}

void runEval(const EvalArgs& args, CommandContext& context)
{
    try {
        sim::EvaluationOptions options;
        options.seed = args.seed;
        options.days = args.days;
        if (args.calibrationSeed != 0) {
            options.calibrationSeed = args.calibrationSeed;
            options.calibrationDays = args.calibrationDays;
        }
        const sim::EvaluationResult result = sim::runEvaluation(options);
        if (args.json) {
            nlohmann::json array = nlohmann::json::array();
            for (const auto& p : result.personas) {
                array.push_back(personaJson(p));
            }
            std::printf("%s\n", array.dump(2).c_str());
        } else {
            printTable(result);
        }
        context.exitCode = 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "modelguard-cli risk eval: %s\n", e.what());
        context.exitCode = kExitError;
    }
}

nlohmann::json requestJson(const sim::SimRequest& r, const std::string& persona)
{
    nlohmann::json o;
    o["time_ms"] = r.time;
    o["persona"] = persona;
    o["client_id"] = r.clientId;
    o["key_id"] = r.keyId;
    o["source_ip"] = r.sourceIp;
    o["model"] = r.model;
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : r.messages) {
        messages.push_back({{"role", m.role}, {"content", m.content}});
    }
    o["messages"] = std::move(messages);
    if (r.maxTokens >= 0) {
        o["max_tokens"] = r.maxTokens;
    }
    o["temperature"] = r.temperature;
    o["n"] = r.n;
    if (r.logprobs) {
        o["logprobs"] = true;
        o["top_logprobs"] = r.topLogprobs;
    }
    if (!r.logitBias.empty()) {
        nlohmann::json bias = nlohmann::json::object();
        for (const auto& [token, value] : r.logitBias) {
            bias[std::to_string(token)] = value;
        }
        o["logit_bias"] = std::move(bias);
    }
    o["usage"] = {{"prompt_tokens", r.promptTokens}, {"completion_tokens", r.completionTokens}};
    o["refused"] = r.refused;
    o["attack_traffic"] = r.attackTraffic;
    return o;
}

void runTraffic(const TrafficArgs& args, CommandContext& context)
{
    try {
        sim::PersonaContext personaContext;
        personaContext.corpus = std::make_shared<const sim::TextCorpus>(sim::TextCorpus::load());
        personaContext.seed = args.seed;
        personaContext.days = args.days;
        sim::TrafficSource source(sim::buildPopulation(personaContext, sim::PopulationOptions {}));
        bool known = args.persona.empty();
        for (const auto& stream : source.streams()) {
            known = known || stream->persona() == args.persona;
        }
        if (!known) {
            std::fprintf(stderr, "modelguard-cli risk traffic: unknown persona '%s'\n", args.persona.c_str());
            context.exitCode = kExitError;
            return;
        }
        std::uint64_t printed = 0;
        sim::TrafficSource::Item item;
        while (printed < args.limit && source.next(item)) {
            const auto& persona = source.streams()[item.stream]->persona();
            if (!args.persona.empty() && persona != args.persona) {
                continue;
            }
            std::printf("%s\n", requestJson(item.request, persona).dump().c_str());
            ++printed;
        }
        context.exitCode = 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "modelguard-cli risk traffic: %s\n", e.what());
        context.exitCode = kExitError;
    }
}

} // namespace

void registerRiskCommands(CLI::App& app, CommandContext& context)
{
    auto* risk = app.add_subcommand("risk", "Extraction-risk engine: evaluation against simulated traffic");
    risk->require_subcommand(1);

    auto evalArgs = std::make_shared<EvalArgs>();
    auto* eval = risk->add_subcommand(
        "eval", "Simulate benign and attacker personas, feed them to the risk engine and report detection per persona");
    eval->add_option("--seed", evalArgs->seed, "Simulation seed")->capture_default_str();
    eval->add_option("--days", evalArgs->days, "Simulated days")->check(CLI::Range(1, 60))->capture_default_str();
    eval->add_flag("--json", evalArgs->json, "Print a JSON array, one object per persona");
    eval->add_option("--calibration-seed", evalArgs->calibrationSeed,
                     "Calibrate the engine first on benign personas simulated with this seed (must differ from "
                     "--seed; 0 = the engine's built-in calibration)")
        ->capture_default_str();
    eval->add_option("--calibration-days", evalArgs->calibrationDays, "Days of benign calibration traffic")
        ->check(CLI::Range(1, 60))
        ->capture_default_str();
    eval->callback([evalArgs, &context] { runEval(*evalArgs, context); });

    auto trafficArgs = std::make_shared<TrafficArgs>();
    auto* traffic = risk->add_subcommand("traffic", "Print the simulated requests as JSON lines");
    traffic->add_option("--seed", trafficArgs->seed, "Simulation seed")->capture_default_str();
    traffic->add_option("--days", trafficArgs->days, "Simulated days")->check(CLI::Range(1, 60))->capture_default_str();
    traffic->add_option("--persona", trafficArgs->persona, "Only this persona (e.g. harvester, rag_app)");
    traffic->add_option("--limit", trafficArgs->limit, "Requests to print")->capture_default_str();
    traffic->callback([trafficArgs, &context] { runTraffic(*trafficArgs, context); });
}

} // namespace modelguard::cli
