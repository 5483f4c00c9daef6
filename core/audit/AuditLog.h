#pragma once
// Tamper-evident local audit log of admin actions: every entry is a row of a SQLite file, chained to its
// predecessor by SHA-256 (prev_hash) and authenticated by HMAC-SHA256 under a caller-held 32-byte key. A separate
// 'head' row (entry count + last hash + MAC), written in the same transaction as each append, makes truncation of
// the newest entries detectable. See docs/audit.md for the format and what is (and is not) detected.
// Thread safety: one AuditLog may be shared between threads (calls are serialised); several AuditLog objects or
// processes may open the same file concurrently (appends are serialised by SQLite's BEGIN IMMEDIATE).

#include "core/crypto/Crypto.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::audit {

/// Thrown on I/O or SQLite failures, files that are not audit logs, invalid entries and bad key sizes.
class AuditError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The key size the log requires (HMAC-SHA256 key, 32 random bytes).
inline constexpr std::size_t kAuditKeySize = 32;

/// The value of AuditEntry::result for a successful action; anything else (e.g. "failed: HTTP 403") is a failure.
inline constexpr std::string_view kResultOk = "ok";

/// One admin action, as the caller records it. All strings must be valid UTF-8; action must not be empty.
/// before_json / after_json hold the JSON of the object before and after the action (may be empty).
struct AuditEntry
{
    std::int64_t time_ms = 0; ///< Unix time in milliseconds
    std::string os_user;
    std::string console_identity;
    std::string action;
    std::string gateway;
    std::string target;
    std::string before_json;
    std::string after_json;
    std::string result; ///< "ok" or a failure description

    bool operator==(const AuditEntry&) const = default;
};

/// An entry as stored: the fields plus its position and chain values (lower-case hex).
struct AuditRecord
{
    std::uint64_t seq = 0; ///< 1..n, contiguous
    AuditEntry entry;
    std::string prev_hash; ///< hash of the previous record; 64 zeros for seq 1
    std::string hash;      ///< SHA-256 of canonicalEncoding()
    std::string mac;       ///< HMAC-SHA256(key, raw hash bytes)
};

/// Filters of query() and the exports; unset members do not filter. Time bounds are inclusive.
struct AuditQuery
{
    enum class Result { Any, Ok, Failed };
    std::optional<std::int64_t> from_ms;
    std::optional<std::int64_t> to_ms;
    std::optional<std::string> action;
    std::optional<std::string> gateway;
    Result result = Result::Any;
    std::optional<std::uint64_t> limit; ///< at most this many records (oldest first)
};

/// What verify() found first.
enum class AuditProblem {
    None,         ///< the chain and the head are intact
    Altered,      ///< a row's content (or its prev_hash) does not match its hash
    Deleted,      ///< a gap in seq, a missing predecessor, or entries missing at the end (per the head)
    Reordered,    ///< a row's prev_hash is the hash of a different row than its predecessor
    Forged,       ///< a row (or the head) whose MAC does not verify: inserted or forged
    WrongKey,     ///< neither the first entry nor the head verifies: wrong key, or the whole log was re-keyed
    HeadMismatch, ///< every entry verifies but the head is missing, rolled back or points elsewhere
};

/// Stable lower-case name of a problem ("none", "altered", "deleted", "reordered", "forged", "wrong-key",
/// "head-mismatch").
std::string_view toString(AuditProblem problem) noexcept;

/// Result of AuditLog::verify().
struct VerifyReport
{
    AuditProblem problem = AuditProblem::None;
    std::uint64_t entries = 0; ///< rows in the log
    std::uint64_t seq = 0;     ///< the first broken entry (0 when the head itself is the problem or intact)
    std::string detail;        ///< one human-readable sentence

    bool intact() const noexcept { return problem == AuditProblem::None; }
};

/// The audit log file.
class AuditLog
{
public:
    enum class Mode {
        ReadWrite, ///< creates the file (and its tables) if missing
        ReadOnly   ///< the file must exist; append() throws
    };

    /// Opens (or creates) the log. Throws AuditError if the file cannot be opened or is not an audit log.
    explicit AuditLog(const std::filesystem::path& path, Mode mode = Mode::ReadWrite);
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    /// 32 fresh random bytes for a new log's key.
    static crypto::Bytes generateKey();

    /// Appends one entry atomically (BEGIN IMMEDIATE … COMMIT) and returns its seq. Throws AuditError on invalid
    /// entries (nothing is written), a key that is not 32 bytes, or SQLite failures (the transaction is rolled back).
    std::uint64_t append(const AuditEntry& entry, crypto::ByteView key);

    /// Walks the whole chain and the head; reports the first problem. Throws AuditError only on SQLite failures
    /// (e.g. a corrupted file) or a key that is not 32 bytes.
    VerifyReport verify(crypto::ByteView key) const;

    /// Records matching the filters, in seq order. Not verified: call verify() for that.
    std::vector<AuditRecord> query(const AuditQuery& filter = {}) const;

    /// Number of rows.
    std::uint64_t size() const;

    /// One JSON object per line ("seq", "time_ms", the entry's fields, "prev_hash", "hash", "mac"); returns the
    /// number of records written.
    std::uint64_t exportJsonLines(std::ostream& out, const AuditQuery& filter = {}) const;
    /// RFC 4180 CSV with a header line and CRLF line ends, same columns as the JSON Lines export.
    std::uint64_t exportCsv(std::ostream& out, const AuditQuery& filter = {}) const;

    /// The canonical byte encoding that hash covers: a format tag, then seq and time_ms as 8-byte big-endian
    /// integers, then each string field (os_user, console_identity, action, gateway, target, before_json,
    /// after_json, result, prev_hash) as an 8-byte big-endian length followed by its bytes.
    static std::string canonicalEncoding(std::uint64_t seq, const AuditEntry& entry, std::string_view prevHash);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    mutable std::mutex m_mutex;
};

/// Formats a record as one JSON Lines line (without the newline) / one CSV record (without the CRLF).
std::string toJsonLine(const AuditRecord& record);
std::string toCsvRecord(const AuditRecord& record);
/// The CSV header line (without the CRLF).
std::string csvHeader();

} // namespace modelguard::audit
