// JSON Lines and RFC 4180 CSV renderings of audit records.
#include "core/audit/AuditLog.h"

#include <array>
#include <cstdio>

namespace modelguard::audit {

namespace {

void appendJsonString(std::string& out, std::string_view s)
{
    out.push_back('"');
    for (const char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                std::array<char, 8> buffer {};
                std::snprintf(buffer.data(), buffer.size(), "\\u%04x", static_cast<unsigned>(c));
                out += buffer.data();
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

void appendCsvField(std::string& out, std::string_view s)
{
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(s);
        return;
    }
    out.push_back('"');
    for (const char c : s) {
        if (c == '"') {
            out.push_back('"');
        }
        out.push_back(c);
    }
    out.push_back('"');
}

constexpr std::array<const char*, 13> kNames = {"seq",       "time_ms", "os_user",     "console_identity", "action",
                                                "gateway",   "target",  "before_json", "after_json",       "result",
                                                "prev_hash", "hash",    "mac"};

std::array<std::string, 13> fields(const AuditRecord& r)
{
    return {std::to_string(r.seq),
            std::to_string(r.entry.time_ms),
            r.entry.os_user,
            r.entry.console_identity,
            r.entry.action,
            r.entry.gateway,
            r.entry.target,
            r.entry.before_json,
            r.entry.after_json,
            r.entry.result,
            r.prev_hash,
            r.hash,
            r.mac};
}

} // namespace

std::string toJsonLine(const AuditRecord& record)
{
    const auto values = fields(record);
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        appendJsonString(out, kNames[i]);
        out.push_back(':');
        if (i < 2) {
            out += values[i]; // seq and time_ms are numbers
        } else {
            appendJsonString(out, values[i]);
        }
    }
    out.push_back('}');
    return out;
}

std::string csvHeader()
{
    std::string out;
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        out += kNames[i];
    }
    return out;
}

std::string toCsvRecord(const AuditRecord& record)
{
    const auto values = fields(record);
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        appendCsvField(out, values[i]);
    }
    return out;
}

std::uint64_t AuditLog::exportJsonLines(std::ostream& out, const AuditQuery& filter) const
{
    const auto records = query(filter);
    for (const auto& r : records) {
        out << toJsonLine(r) << '\n';
    }
    if (!out) {
        throw AuditError("audit export: write failed");
    }
    return records.size();
}

std::uint64_t AuditLog::exportCsv(std::ostream& out, const AuditQuery& filter) const
{
    const auto records = query(filter);
    out << csvHeader() << "\r\n";
    for (const auto& r : records) {
        out << toCsvRecord(r) << "\r\n";
    }
    if (!out) {
        throw AuditError("audit export: write failed");
    }
    return records.size();
}

} // namespace modelguard::audit
