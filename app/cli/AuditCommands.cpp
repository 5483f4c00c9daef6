// `modelguard-cli audit verify|export`: checks and exports the console's local tamper-evident audit log.
// Exit codes: verify — 0 intact, 3 broken (the report names the first broken entry), 2 usage or input error
// (missing log, unreadable or malformed key file); export — 0 written, 2 usage or input error.
#include "app/cli/Commands.h"

#include "core/audit/AuditLog.h"
#include "core/crypto/Crypto.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

namespace modelguard::cli {

namespace {

namespace audit = modelguard::audit;

struct AuditOptions
{
    std::string path;
    std::string keyFile;
    std::string format = "jsonl";
    std::string output;
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::string action;
    std::string gateway;
    bool hasFrom = false;
    bool hasTo = false;
    bool hasAction = false;
    bool hasGateway = false;
    std::string result = "any";
};

/// The key file holds the 32-byte key as hex (surrounding whitespace allowed).
std::optional<crypto::Bytes> readKeyFile(const std::string& path, std::string& error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read key file " + path;
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    auto key = crypto::fromHex(text);
    if (!key || key->size() != audit::kAuditKeySize) {
        error = "key file " + path + " must hold the " + std::to_string(audit::kAuditKeySize) + "-byte key as hex ("
                + std::to_string(2 * audit::kAuditKeySize) + " hex digits)";
        return std::nullopt;
    }
    return key;
}

int runVerify(const AuditOptions& options)
{
    std::string error;
    const auto key = readKeyFile(options.keyFile, error);
    if (!key) {
        std::fprintf(stderr, "modelguard-cli audit verify: %s\n", error.c_str());
        return 2;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(options.path, ec)) {
        std::fprintf(stderr, "modelguard-cli audit verify: no audit log at %s\n", options.path.c_str());
        return 2;
    }
    try {
        const audit::AuditLog log(options.path, audit::AuditLog::Mode::ReadOnly);
        const auto report = log.verify(*key);
        if (report.intact()) {
            std::printf("intact: %llu entries\n", static_cast<unsigned long long>(report.entries));
            return 0;
        }
        std::printf("BROKEN: %s at entry %llu of %llu: %s\n", std::string(audit::toString(report.problem)).c_str(),
                    static_cast<unsigned long long>(report.seq), static_cast<unsigned long long>(report.entries),
                    report.detail.c_str());
        return 3;
    } catch (const audit::AuditError& e) {
        // The file exists but cannot be read as an audit log (corrupted, or not an audit log at all).
        std::printf("BROKEN: unreadable: %s\n", e.what());
        return 3;
    }
}

int runExport(const AuditOptions& options)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(options.path, ec)) {
        std::fprintf(stderr, "modelguard-cli audit export: no audit log at %s\n", options.path.c_str());
        return 2;
    }
    audit::AuditQuery filter;
    if (options.hasFrom) {
        filter.from_ms = options.from;
    }
    if (options.hasTo) {
        filter.to_ms = options.to;
    }
    if (options.hasAction) {
        filter.action = options.action;
    }
    if (options.hasGateway) {
        filter.gateway = options.gateway;
    }
    filter.result = options.result == "ok"       ? audit::AuditQuery::Result::Ok
                    : options.result == "failed" ? audit::AuditQuery::Result::Failed
                                                 : audit::AuditQuery::Result::Any;
    try {
        const audit::AuditLog log(options.path, audit::AuditLog::Mode::ReadOnly);
        std::ofstream file;
        if (!options.output.empty()) {
            file.open(options.output, std::ios::binary | std::ios::trunc);
            if (!file) {
                std::fprintf(stderr, "modelguard-cli audit export: cannot write %s\n", options.output.c_str());
                return 2;
            }
        }
        std::ostream& out = options.output.empty() ? std::cout : file;
        if (options.format == "csv") {
            log.exportCsv(out, filter);
        } else {
            log.exportJsonLines(out, filter);
        }
        out.flush();
        return out ? 0 : 2;
    } catch (const audit::AuditError& e) {
        std::fprintf(stderr, "modelguard-cli audit export: %s\n", e.what());
        return 2;
    }
}

} // namespace

void registerAuditCommands(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<AuditOptions>();
    auto* group = app.add_subcommand("audit", "Verify or export the console's tamper-evident audit log");
    group->require_subcommand(1);

    auto* verify = group->add_subcommand("verify", "Check the hash chain, MACs and head of an audit log "
                                                   "(exit 0 intact, 3 broken, 2 usage)");
    verify->add_option("path", options->path, "Audit log file")->required();
    verify->add_option("--key-file", options->keyFile, "File holding the log's 32-byte key as hex")->required();
    verify->callback([options, &context] { context.exitCode = runVerify(*options); });

    auto* exportCmd = group->add_subcommand("export", "Write the entries as JSON Lines or CSV (RFC 4180)");
    exportCmd->add_option("path", options->path, "Audit log file")->required();
    exportCmd->add_option("--format", options->format, "jsonl or csv")
        ->check(CLI::IsMember({"jsonl", "csv"}))
        ->capture_default_str();
    exportCmd->add_option("-o,--output", options->output, "Output file (default: standard output)");
    auto* from = exportCmd->add_option("--from", options->from, "Only entries at or after this Unix time (ms)");
    auto* to = exportCmd->add_option("--to", options->to, "Only entries at or before this Unix time (ms)");
    auto* action = exportCmd->add_option("--action", options->action, "Only entries of this action");
    auto* gateway = exportCmd->add_option("--gateway", options->gateway, "Only entries about this gateway");
    exportCmd->add_option("--result", options->result, "any, ok or failed")
        ->check(CLI::IsMember({"any", "ok", "failed"}))
        ->capture_default_str();
    exportCmd->callback([options, from, to, action, gateway, &context] {
        options->hasFrom = from->count() > 0;
        options->hasTo = to->count() > 0;
        options->hasAction = action->count() > 0;
        options->hasGateway = gateway->count() > 0;
        context.exitCode = runExport(*options);
    });
}

} // namespace modelguard::cli
