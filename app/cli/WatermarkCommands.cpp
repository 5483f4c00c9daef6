// `modelguard-cli watermark keygen|embed|detect`: the watermark engine (core/watermark/Watermark.h) from the shell.
//
// Exit codes (docs/watermark.md): 0 = watermarked / success, 1 = not watermarked or too short, 2 = error (usage,
// unreadable key, bad input). Usage errors are CLI::ParseError and reach main(), which maps them to 2; every other
// failure is reported here with the subcommand's name and sets exit code 2.
#include "app/cli/Commands.h"

#include "core/watermark/Watermark.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace modelguard::cli {

namespace {

namespace wm = modelguard::watermark;

constexpr int kExitWatermarked = 0;
constexpr int kExitNotWatermarked = 1;
constexpr int kExitError = 2;

/// Block size for reading standard input: large enough to amortise the system calls, small enough that the
/// streaming embedder's output starts after the first block.
constexpr std::size_t kReadBlock = 64 * 1024;
/// Detection needs the whole text in memory; refuse inputs beyond this rather than exhausting memory.
constexpr std::size_t kMaxDetectInput = std::size_t {256} * 1024 * 1024;

/// Client ids travel in the payload and in key derivation, and --clients separates them by commas: printable
/// ASCII without spaces or commas, 1..64 bytes. Returns an empty string when valid, else the reason.
std::string clientIdProblem(std::string_view id)
{
    if (id.empty() || id.size() > 64) {
        return "client id must be 1 to 64 characters long";
    }
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F || c == ',') {
            return "client id must be printable ASCII without spaces or commas";
        }
    }
    return {};
}

/// Gateway ids are printable ASCII, 1..64 characters (Watermark.h); spaces are allowed by the engine but not
/// here, so that ids stay easy to pass around in scripts.
std::string gatewayIdProblem(std::string_view id)
{
    if (id.empty() || id.size() > 64) {
        return "gateway id must be 1 to 64 characters long";
    }
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F) {
            return "gateway id must be printable ASCII without spaces";
        }
    }
    return {};
}

/// Parses a double in full (no trailing characters); nullopt otherwise.
std::optional<double> parseDouble(std::string_view text)
{
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc {} || ptr != end || text.empty()) {
        return std::nullopt;
    }
    return value;
}

const CLI::Validator& clientIdValidator()
{
    static const CLI::Validator validator([](std::string& value) { return clientIdProblem(value); }, "CLIENT-ID",
                                          "ClientId");
    return validator;
}

const CLI::Validator& unitIntervalValidator()
{
    static const CLI::Validator validator(
        [](std::string& value) -> std::string {
            const auto number = parseDouble(value);
            // Written so that NaN fails too.
            if (!number || !(*number >= 0.0 && *number <= 1.0)) {
                return "must be a number in [0, 1], got '" + value + "'";
            }
            return {};
        },
        "0..1", "UnitInterval");
    return validator;
}

const CLI::Validator& probabilityValidator()
{
    static const CLI::Validator validator(
        [](std::string& value) -> std::string {
            const auto number = parseDouble(value);
            if (!number || !(*number > 0.0 && *number < 1.0)) {
                return "must be a probability in (0, 1), got '" + value + "'";
            }
            return {};
        },
        "P", "Probability");
    return validator;
}

/// Reads one block from standard input; returns 0 at end of input. Throws on a read error.
std::size_t readStdinBlock(char* buffer, std::size_t size)
{
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, size);
        if (n >= 0) {
            return static_cast<std::size_t>(n);
        }
        if (errno != EINTR) {
            throw std::runtime_error(std::string("cannot read standard input: ") + std::strerror(errno));
        }
    }
}

/// All of standard input, as bytes (no newline translation, no decoding).
std::string readAllStdin(std::size_t limit)
{
    std::string data;
    std::vector<char> block(kReadBlock);
    for (;;) {
        const std::size_t n = readStdinBlock(block.data(), block.size());
        if (n == 0) {
            return data;
        }
        if (data.size() + n > limit) {
            throw std::runtime_error("input is larger than " + std::to_string(limit / (1024 * 1024)) + " MiB");
        }
        data.append(block.data(), n);
    }
}

void writeStdout(std::string_view bytes)
{
    if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
        throw std::runtime_error("cannot write to standard output");
    }
}

void flushStdout()
{
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
        throw std::runtime_error("cannot write to standard output");
    }
}

/// Runs a subcommand body: usage errors go on to main() (exit 2 with CLI11's message); any other failure is
/// printed as "modelguard-cli watermark <command>: <reason>" and gives exit code 2.
void runGuarded(CommandContext& context, const char* command, const std::function<int()>& body)
{
    try {
        context.exitCode = body();
    } catch (const CLI::Error&) {
        throw;
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "modelguard-cli watermark %s: %s\n", command, e.what());
        context.exitCode = kExitError;
    }
}

/// "2026-11-21T23:55:00Z" for minutes since the Unix epoch.
std::string isoUtcFromMinutes(std::uint32_t minutes)
{
    const std::time_t seconds = static_cast<std::time_t>(minutes) * 60;
    std::tm utc {};
    if (gmtime_r(&seconds, &utc) == nullptr) {
        return {};
    }
    std::array<char, 32> buffer {};
    const std::size_t n = std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(buffer.data(), n);
}

std::string_view evidenceKindName(wm::EvidenceSpan::Kind kind)
{
    switch (kind) {
    case wm::EvidenceSpan::Kind::GreenWord:
        return "green_word";
    case wm::EvidenceSpan::Kind::RedWord:
        return "red_word";
    case wm::EvidenceSpan::Kind::PayloadRun:
        return "payload_run";
    }
    return "unknown";
}

/// The schemes of a set as a list of names ("payload", "lexical"); empty for None.
std::vector<std::string> schemeList(wm::Scheme set)
{
    std::vector<std::string> names;
    for (const wm::Scheme s : {wm::Scheme::Payload, wm::Scheme::Lexical}) {
        if (wm::hasScheme(set, s)) {
            names.emplace_back(wm::schemeName(s));
        }
    }
    return names;
}

nlohmann::json resultToJson(const wm::DetectionResult& r)
{
    nlohmann::json j;
    j["verdict"] = std::string(wm::verdictName(r.verdict));
    j["schemes"] = schemeList(r.schemes);
    j["p_value"] = r.pValue;
    j["z"] = r.z;
    j["scored"] = r.scored;
    j["green"] = r.green;
    j["gateway"] = r.gatewayId ? nlohmann::json(*r.gatewayId) : nlohmann::json(nullptr);
    j["client"] = r.clientId ? nlohmann::json(*r.clientId) : nlohmann::json(nullptr);
    j["issued_at"] =
        r.issuedAtMinutes ? nlohmann::json(isoUtcFromMinutes(*r.issuedAtMinutes)) : nlohmann::json(nullptr);
    j["payload_copies"] = r.payloadCopies;
    j["english_scorable"] = r.englishScorable;
    nlohmann::json evidence = nlohmann::json::array();
    for (const wm::EvidenceSpan& span : r.evidence) {
        evidence.push_back({{"begin", span.begin}, {"end", span.end}, {"kind", evidenceKindName(span.kind)}});
    }
    j["evidence"] = std::move(evidence);
    return j;
}

std::string resultToText(const wm::DetectionResult& r)
{
    std::string out;
    auto line = [&out](std::string_view label, std::string_view value) {
        out.append(label).append(": ").append(value).push_back('\n');
    };
    std::array<char, 64> number {};
    line("verdict", wm::verdictName(r.verdict));
    std::string schemes;
    for (const std::string& s : schemeList(r.schemes)) {
        schemes += (schemes.empty() ? "" : ", ") + s;
    }
    line("schemes", schemes.empty() ? "none" : schemes);
    std::snprintf(number.data(), number.size(), "%.3g", r.pValue);
    line("p-value", number.data());
    std::snprintf(number.data(), number.size(), "%.2f", r.z);
    line("z", number.data());
    line("scored (T)", std::to_string(r.scored));
    line("green (S)", std::to_string(r.green));
    line("gateway", r.gatewayId ? *r.gatewayId : "-");
    line("client", r.clientId ? *r.clientId : "-");
    line("issued at", r.issuedAtMinutes ? isoUtcFromMinutes(*r.issuedAtMinutes) : "-");
    line("payload copies", std::to_string(r.payloadCopies));
    if (!r.englishScorable) {
        line("note", "the text has (almost) no scorable English words; only the payload can be detected");
    }
    return out;
}

struct KeygenArgs
{
    std::string out;
    std::string gatewayId;
};

struct EmbedArgs
{
    std::string keyFile;
    std::string client;
    std::string scheme = "both";
    double strength = wm::EmbedOptions {}.strength;
    std::uint32_t minute = 0;
};

struct DetectArgs
{
    std::vector<std::string> keyFiles;
    std::vector<std::string> clientLists; ///< each a comma-separated list of client ids
    double threshold = wm::DetectOptions {}.threshold;
    bool json = false;
};

int runKeygen(const KeygenArgs& args)
{
    if (!args.gatewayId.empty()) {
        if (const std::string problem = gatewayIdProblem(args.gatewayId); !problem.empty()) {
            throw std::runtime_error(problem);
        }
    }
    const wm::GatewayKey key = wm::GatewayKey::generate(args.gatewayId);
    wm::saveGatewayKey(key, args.out);
    std::printf("created gateway key '%s' in %s (mode 0600); keep it secret\n", key.gatewayId.c_str(),
                args.out.c_str());
    return kExitWatermarked;
}

int runEmbed(const EmbedArgs& args)
{
    const std::optional<wm::Scheme> scheme = wm::parseScheme(args.scheme);
    if (!scheme || *scheme == wm::Scheme::None) {
        throw std::runtime_error("unknown scheme '" + args.scheme + "' (payload, lexical or both)");
    }
    const wm::GatewayKey key = wm::loadGatewayKey(args.keyFile);
    wm::EmbedOptions options;
    options.scheme = *scheme;
    options.strength = args.strength;
    options.issuedAtMinutes = args.minute;
    const wm::Embedder embedder(key, args.client, options);

    // Streaming keeps memory bounded by the block size plus the embedder's lookahead, whatever the input size,
    // and forwards output as soon as input arrives. Its output equals the one-shot embed() by contract.
    const std::unique_ptr<wm::StreamingEmbedder> stream = embedder.stream();
    std::vector<char> block(kReadBlock);
    for (;;) {
        const std::size_t n = readStdinBlock(block.data(), block.size());
        if (n == 0) {
            break;
        }
        writeStdout(stream->push(std::string_view(block.data(), n)));
        flushStdout();
    }
    writeStdout(stream->finish());
    flushStdout();
    return kExitWatermarked;
}

/// The client ids of comma-separated lists, duplicates removed; throws CLI::ValidationError (exit 2) on an empty or
/// invalid id.
std::vector<std::string> parseClientLists(const std::vector<std::string>& lists)
{
    std::vector<std::string> clients;
    for (const std::string& list : lists) {
        std::size_t pos = 0;
        for (;;) {
            const std::size_t comma = list.find(',', pos);
            const std::string id = list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
            if (const std::string problem = clientIdProblem(id); !problem.empty()) {
                throw CLI::ValidationError("--clients", problem + " (in '" + list + "')");
            }
            if (std::find(clients.begin(), clients.end(), id) == clients.end()) {
                clients.push_back(id);
            }
            if (comma == std::string::npos) {
                break;
            }
            pos = comma + 1;
        }
    }
    return clients;
}

int runDetect(const DetectArgs& args)
{
    const std::vector<std::string> clients = parseClientLists(args.clientLists);
    std::vector<wm::GatewayKey> keys;
    keys.reserve(args.keyFiles.size());
    for (const std::string& file : args.keyFiles) {
        keys.push_back(wm::loadGatewayKey(file));
    }
    const std::string text = readAllStdin(kMaxDetectInput);

    const wm::Detector detector(std::move(keys));
    wm::DetectOptions options;
    options.candidateClients = clients;
    options.threshold = args.threshold;
    options.collectEvidence = args.json; // the human output does not show the spans
    const wm::DetectionResult result = detector.detect(text, options);

    if (args.json) {
        writeStdout(resultToJson(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        writeStdout("\n");
    } else {
        writeStdout(resultToText(result));
    }
    flushStdout();
    return result.verdict == wm::Verdict::Watermarked ? kExitWatermarked : kExitNotWatermarked;
}

} // namespace

void registerWatermarkCommands(CLI::App& app, CommandContext& context)
{
    CLI::App* watermark = app.add_subcommand(
        "watermark", "Create watermark keys, embed watermarks in text and detect them (exit codes: 0 watermarked "
                     "or success, 1 not watermarked or too short, 2 error)");
    watermark->require_subcommand(1);

    // The argument structs live as long as the CLI::App, which owns the callbacks that read them.
    auto keygenArgs = std::make_shared<KeygenArgs>();
    CLI::App* keygen = watermark->add_subcommand("keygen", "Create a gateway watermark secret file (mode 0600)");
    keygen->add_option("--out", keygenArgs->out, "Key file to create; an existing file is never overwritten")
        ->required();
    keygen->add_option("--gateway-id", keygenArgs->gatewayId,
                       "Gateway id carried by the payload (printable ASCII, 1-64 characters; default gw-<random>)");
    keygen->callback([&context, keygenArgs] { runGuarded(context, "keygen", [&] { return runKeygen(*keygenArgs); }); });

    auto embedArgs = std::make_shared<EmbedArgs>();
    CLI::App* embed = watermark->add_subcommand("embed", "Watermark standard input for one client, to standard output");
    embed->add_option("--key", embedArgs->keyFile, "Gateway key file")->required();
    embed->add_option("--client", embedArgs->client, "Client id the watermark attributes the text to")
        ->required()
        ->check(clientIdValidator());
    embed->add_option("--scheme", embedArgs->scheme, "payload, lexical or both")
        ->check(CLI::IsMember({"payload", "lexical", "both"}))
        ->capture_default_str();
    embed->add_option("--strength", embedArgs->strength, "Lexical strength in [0, 1]")
        ->check(unitIntervalValidator())
        ->capture_default_str();
    embed
        ->add_option("--minute", embedArgs->minute,
                     "Issue time carried by the payload, in minutes since the Unix epoch (0 = now)")
        ->capture_default_str();
    embed->callback([&context, embedArgs] { runGuarded(context, "embed", [&] { return runEmbed(*embedArgs); }); });

    auto detectArgs = std::make_shared<DetectArgs>();
    CLI::App* detect = watermark->add_subcommand("detect", "Detect and attribute a watermark in standard input");
    detect->add_option("--key", detectArgs->keyFiles, "Gateway key file (repeat for several gateways)")
        ->required()
        ->allow_extra_args(false);
    // Split in parseClientLists rather than with CLI11's delimiter, which silently drops empty items ("a,,b").
    detect
        ->add_option("--clients", detectArgs->clientLists,
                     "Candidate client ids for lexical attribution, comma-separated (may be repeated)")
        ->allow_extra_args(false);
    detect->add_option("--threshold", detectArgs->threshold, "Decision threshold on the corrected p-value")
        ->check(probabilityValidator())
        ->capture_default_str();
    detect->add_flag("--json", detectArgs->json, "Print the result as one JSON object");
    detect->callback([&context, detectArgs] { runGuarded(context, "detect", [&] { return runDetect(*detectArgs); }); });
}

} // namespace modelguard::cli
