// The traffic driver (see TrafficDriver.h): persona request content, driver pacing, real HTTP to a gateway.
#include "services/sim/drive/TrafficDriver.h"

#include "services/common/HttpClient.h"
#include "services/sim/ClientStream.h"
#include "services/sim/Personas.h"
#include "services/sim/TextCorpus.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

namespace modelguard::sim {

namespace {

namespace json = boost::json;
namespace net = boost::asio;
using net::awaitable;
using Clock = std::chrono::steady_clock;

using Factory = std::function<std::unique_ptr<ClientStream>(const PersonaContext&, std::size_t)>;

const std::map<std::string, Factory>& factories()
{
    static const std::map<std::string, Factory> table {
        {"chat_user", [](const PersonaContext& c, std::size_t i) { return makeChatUser(c, i, -1); }},
        {"chat_app", [](const PersonaContext& c, std::size_t i) { return makeChatApp(c, "chat_app", i, 0.0); }},
        {"rag_app", [](const PersonaContext& c, std::size_t i) { return makeRagApp(c, i); }},
        {"eval_harness", [](const PersonaContext& c, std::size_t i) { return makeEvalHarness(c, i); }},
        {"batch_summariser", [](const PersonaContext& c, std::size_t i) { return makeBatchSummariser(c, i); }},
        {"developer", [](const PersonaContext& c, std::size_t i) { return makeDeveloper(c, i); }},
        {"harvester", [](const PersonaContext& c, std::size_t i) { return makeHarvester(c, i); }},
        {"template_sweep", [](const PersonaContext& c, std::size_t i) { return makeTemplateSweep(c, i); }},
        {"logit_bias_sweep", [](const PersonaContext& c, std::size_t i) { return makeLogitBiasSweep(c, i); }},
        {"bisection_sweep", [](const PersonaContext& c, std::size_t i) { return makeBisectionSweep(c, i); }},
        {"boundary_prober", [](const PersonaContext& c, std::size_t i) { return makeBoundaryProber(c, i); }},
        {"sybil_campaign", [](const PersonaContext& c, std::size_t i) { return makeSybilCampaign(c, i, 4); }},
    };
    return table;
}

std::string requestBody(const SimRequest& r, const DriverOptions& o)
{
    json::object body;
    body["model"] = o.model;
    json::array messages;
    for (const auto& m : r.messages) {
        messages.push_back(json::object {{"role", m.role}, {"content", m.content}});
    }
    body["messages"] = std::move(messages);
    const auto maxTokens = r.maxTokens > 0 ? std::min(r.maxTokens, o.maxTokensCap) : o.maxTokensCap;
    body["max_tokens"] = maxTokens;
    if (std::isfinite(r.temperature)) {
        body["temperature"] = std::clamp(r.temperature, 0.0, 2.0);
    }
    if (r.n > 1) {
        body["n"] = std::min(r.n, 4);
    }
    if (r.logprobs) {
        body["logprobs"] = true;
        if (r.topLogprobs > 0) {
            body["top_logprobs"] = std::min(r.topLogprobs, 20);
        }
    }
    if (!r.logitBias.empty()) {
        json::object bias;
        for (const auto& [token, value] : r.logitBias) {
            // Personas aim at real tokenizers' vocabularies; fold the ids into the upstream's.
            const auto id = o.vocabulary > 0 ? ((token % o.vocabulary) + o.vocabulary) % o.vocabulary : token;
            bias[std::to_string(id)] = std::clamp(value, -100.0, 100.0);
        }
        body["logit_bias"] = std::move(bias);
    }
    if (r.stopCount > 0) {
        json::array stop;
        for (std::uint32_t i = 0; i < std::min<std::uint32_t>(r.stopCount, 4); ++i) {
            stop.push_back(json::string(i == 0 ? "\n\n" : "###" + std::to_string(i)));
        }
        body["stop"] = std::move(stop);
    }
    return json::serialize(body);
}

struct Run
{
    const DriverOptions& options;
    http::HttpClient data;
    http::HttpClient admin;
    std::mutex mutex;
    DriverReport report;
    std::atomic<std::uint64_t> sent {0};
    Clock::time_point deadline;

    Run(const DriverOptions& o)
        : options(o)
        , data(o.gatewayUrl)
        , admin(o.adminUrl)
    { }

    bool over() const
    {
        return Clock::now() >= deadline || (options.stop && options.stop->load())
               || (options.maxRequests > 0 && sent.load() >= options.maxRequests);
    }

    awaitable<std::string> createKey(const std::string& client, const std::string& name)
    {
        json::object body;
        body["client"] = client;
        body["name"] = name;
        // (GCC 12 rejects braced initialisers inside a co_await expression: build the arguments first.)
        std::vector<http::HeaderField> headers;
        headers.emplace_back("Authorization", "Bearer " + options.adminToken);
        headers.emplace_back("Content-Type", "application/json");
        auto [exchange, error] =
            co_await admin.send("POST", "/admin/v1/keys", std::move(headers), json::serialize(body));
        if (!exchange) {
            throw std::runtime_error("admin API unreachable: " + error.message);
        }
        auto text = co_await exchange->readAll();
        if (exchange->status() != 201 || !text) {
            throw std::runtime_error("creating a key failed (HTTP " + std::to_string(exchange->status())
                                     + "): " + text.value_or(""));
        }
        std::error_code ec;
        auto v = json::parse(*text, ec);
        if (ec || !v.is_object() || !v.as_object().contains("secret")) {
            throw std::runtime_error("the admin API answered an unexpected key object");
        }
        co_return std::string(v.at("secret").as_string());
    }

    /// How a client's stream is made again when it runs out (a long demo outlives the personas' 30 days).
    struct Remake
    {
        const Factory* factory = nullptr;
        PersonaContext context;
        std::size_t index = 0;
    };

    awaitable<void> client(std::unique_ptr<ClientStream> stream, std::vector<std::string> secrets, std::size_t slot,
                           std::uint64_t seed, Remake remake)
    {
        std::mt19937_64 rng(seed);
        const bool attacker = stream->kind() == PersonaKind::Attacker;
        const double mean = static_cast<double>((attacker ? options.attackerInterval : options.benignInterval).count());
        std::exponential_distribution<double> gap(1.0 / std::max(1.0, mean));
        net::steady_timer timer(co_await net::this_coro::executor);
        // Benign clients start spread over their first interval, attackers at once.
        auto wait = attacker ? 0.0 : std::uniform_real_distribution<double>(0, mean)(rng);
        std::int64_t index = 0;
        while (!over()) {
            timer.expires_after(std::chrono::milliseconds(static_cast<std::int64_t>(wait)));
            co_await timer.async_wait(net::use_awaitable);
            wait = attacker ? mean : gap(rng);
            if (over()) {
                break;
            }
            if (!stream->nextTime()) {
                // Same persona and index (so the same client id and keys), the next period of its traffic.
                remake.context.seed += 1'000'003;
                stream = (*remake.factory)(remake.context, remake.index);
                if (!stream->nextTime()) {
                    break;
                }
            }
            std::size_t keyIndex = 0;
            auto request = stream->next(keyIndex);
            ++sent;
            ++index;
            std::vector<http::HeaderField> headers;
            headers.emplace_back("Authorization", "Bearer " + secrets[std::min(keyIndex, secrets.size() - 1)]);
            headers.emplace_back("Content-Type", "application/json");
            auto [exchange, error] =
                co_await data.send("POST", "/v1/chat/completions", std::move(headers), requestBody(request, options));
            int status = 0;
            std::string body;
            if (exchange) {
                status = exchange->status();
                body = (co_await exchange->readAll()).value_or("");
            }
            std::lock_guard lock(mutex);
            auto& outcome = report.clients[slot];
            ++outcome.sent;
            if (status == 200) {
                ++outcome.ok;
            } else if (status == 429 && body.find("risk_throttled") != std::string::npos) {
                ++outcome.throttled;
                if (outcome.firstThrottled < 0) {
                    outcome.firstThrottled = index;
                }
            } else if (status == 429) {
                ++outcome.rateLimited;
            } else if (status == 403 && body.find("client_blocked") != std::string::npos) {
                ++outcome.blocked;
                if (outcome.firstBlocked < 0) {
                    outcome.firstBlocked = index;
                }
            } else {
                ++outcome.failed;
            }
        }
    }
};

} // namespace

std::vector<std::string> personaNames()
{
    std::vector<std::string> names;
    for (const auto& [name, factory] : factories()) {
        names.push_back(name);
    }
    return names;
}

DriverReport runTraffic(const DriverOptions& options)
{
    const auto started = Clock::now();
    PersonaContext context;
    context.corpus = std::make_shared<const TextCorpus>(TextCorpus::load());
    context.seed = options.seed;
    context.days = 30;

    std::vector<std::unique_ptr<ClientStream>> streams;
    std::vector<Run::Remake> remakes;
    for (const auto& [name, count] : options.personas) {
        auto it = factories().find(name);
        if (it == factories().end()) {
            DriverReport failed;
            failed.error = "unknown persona '" + name + "'";
            return failed;
        }
        for (int i = 0; i < count; ++i) {
            streams.push_back(it->second(context, static_cast<std::size_t>(i)));
            remakes.push_back(Run::Remake {&it->second, context, static_cast<std::size_t>(i)});
        }
    }

    std::unique_ptr<Run> run;
    try {
        run = std::make_unique<Run>(options);
    } catch (const std::exception& e) {
        DriverReport failed;
        failed.error = e.what();
        return failed;
    }
    net::io_context io;
    std::string error;
    net::co_spawn(
        io,
        [&]() -> awaitable<void> {
            // Keys first (sequentially: the admin API audits each), then every client as its own coroutine.
            std::vector<std::vector<std::string>> secrets;
            for (auto& stream : streams) {
                std::vector<std::string> keys;
                for (const auto& identity : stream->keys()) {
                    keys.push_back(co_await run->createKey(options.clientPrefix + identity.clientId, identity.keyId));
                }
                secrets.push_back(std::move(keys));
                ClientOutcome outcome;
                outcome.clientId = options.clientPrefix
                                   + (stream->keys().empty() ? stream->persona() : stream->keys().front().clientId);
                outcome.persona = stream->persona();
                outcome.attacker = stream->kind() == PersonaKind::Attacker;
                run->report.clients.push_back(outcome);
            }
            run->deadline = Clock::now() + options.duration;
            for (std::size_t i = 0; i < streams.size(); ++i) {
                net::co_spawn(
                    co_await net::this_coro::executor,
                    run->client(std::move(streams[i]), std::move(secrets[i]), i, options.seed * 7919 + i, remakes[i]),
                    net::detached);
            }
        },
        [&](std::exception_ptr e) {
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& x) {
                    error = x.what();
                }
            }
        });
    std::thread helper([&io] { io.run(); });
    io.run();
    helper.join();

    auto report = std::move(run->report);
    report.error = error;
    report.requests = run->sent.load();
    report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    return report;
}

std::string reportJson(const DriverReport& report)
{
    json::object o;
    o["requests"] = report.requests;
    o["elapsed_ms"] = report.elapsed.count();
    o["error"] = report.error.empty() ? json::value(nullptr) : json::value(report.error);
    json::array clients;
    for (const auto& c : report.clients) {
        clients.push_back(json::object {{"client", c.clientId},
                                        {"persona", c.persona},
                                        {"attacker", c.attacker},
                                        {"sent", c.sent},
                                        {"ok", c.ok},
                                        {"rate_limited", c.rateLimited},
                                        {"throttled", c.throttled},
                                        {"blocked", c.blocked},
                                        {"failed", c.failed},
                                        {"first_throttled", c.firstThrottled},
                                        {"first_blocked", c.firstBlocked}});
    }
    o["clients"] = std::move(clients);
    return json::serialize(o);
}

} // namespace modelguard::sim
