// The audit log over SQLite: schema, appends under BEGIN IMMEDIATE, chain verification and queries.
#include "core/audit/AuditLog.h"

#include "core/text/Utf8.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <utility>

namespace modelguard::audit {

namespace {

constexpr int kSchemaVersion = 1;
constexpr int kBusyTimeoutMs = 10000;
constexpr std::string_view kEntryTag = "modelguard-audit-entry-v1";
constexpr std::string_view kHeadTag = "modelguard-audit-head-v1";
const std::string kGenesis(64, '0');

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS audit_entries (
    seq INTEGER PRIMARY KEY,
    time_ms INTEGER NOT NULL,
    os_user TEXT NOT NULL,
    console_identity TEXT NOT NULL,
    action TEXT NOT NULL,
    gateway TEXT NOT NULL,
    target TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL,
    result TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    mac TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_entries_time ON audit_entries(time_ms);
CREATE TABLE IF NOT EXISTS audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    count INTEGER NOT NULL,
    last_hash TEXT NOT NULL,
    mac TEXT NOT NULL
);
)sql";

constexpr const char* kColumns = "seq, time_ms, os_user, console_identity, action, gateway, target, before_json, "
                                 "after_json, result, prev_hash, hash, mac";

void appendU64(std::string& out, std::uint64_t v)
{
    for (int shift = 56; shift >= 0; shift -= 8) {
        out.push_back(static_cast<char>((v >> shift) & 0xFFU));
    }
}

void appendField(std::string& out, std::string_view field)
{
    appendU64(out, field.size());
    out.append(field);
}

void checkKey(crypto::ByteView key)
{
    if (key.size() != kAuditKeySize) {
        throw AuditError("audit key must be " + std::to_string(kAuditKeySize) + " bytes, got "
                         + std::to_string(key.size()));
    }
}

std::string hashHex(std::string_view canonical)
{
    const auto digest = crypto::sha256(canonical);
    return crypto::toHex(digest);
}

std::string entryMac(const crypto::HmacSha256& hmac, std::string_view hashHexValue)
{
    const auto raw = crypto::fromHex(hashHexValue);
    if (!raw) {
        return {};
    }
    return crypto::toHex(hmac.mac(crypto::ByteView(*raw)));
}

std::string headMac(const crypto::HmacSha256& hmac, std::uint64_t count, std::string_view lastHash)
{
    std::string message(kHeadTag);
    appendU64(message, count);
    appendField(message, lastHash);
    return crypto::toHex(hmac.mac(crypto::asBytes(message)));
}

bool sameHex(std::string_view a, std::string_view b)
{
    return crypto::constantTimeEqual(a, b);
}

/// RAII prepared statement.
class Statement
{
public:
    Statement(sqlite3* db, const std::string& sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK) {
            throw AuditError(std::string("audit log: ") + sqlite3_errmsg(db));
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    void bind(int index, std::string_view text)
    {
        check(sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    }
    void bind(int index, std::int64_t value) { check(sqlite3_bind_int64(m_stmt, index, value)); }

    /// true while a row is available; throws on errors.
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc == SQLITE_DONE) {
            return false;
        }
        throw AuditError(std::string("audit log: ") + sqlite3_errmsg(m_db));
    }

    std::int64_t integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    int type(int column) const { return sqlite3_column_type(m_stmt, column); }
    std::string text(int column) const
    {
        const auto* p = sqlite3_column_text(m_stmt, column);
        const int n = sqlite3_column_bytes(m_stmt, column);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
    }

private:
    void check(int rc) const
    {
        if (rc != SQLITE_OK) {
            throw AuditError(std::string("audit log: ") + sqlite3_errmsg(m_db));
        }
    }

    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

AuditRecord readRecord(const Statement& s)
{
    AuditRecord r;
    r.seq = static_cast<std::uint64_t>(s.integer(0));
    r.entry.time_ms = s.integer(1);
    r.entry.os_user = s.text(2);
    r.entry.console_identity = s.text(3);
    r.entry.action = s.text(4);
    r.entry.gateway = s.text(5);
    r.entry.target = s.text(6);
    r.entry.before_json = s.text(7);
    r.entry.after_json = s.text(8);
    r.entry.result = s.text(9);
    r.prev_hash = s.text(10);
    r.hash = s.text(11);
    r.mac = s.text(12);
    return r;
}

void validate(const AuditEntry& e)
{
    if (e.action.empty()) {
        throw AuditError("audit entry: action must not be empty");
    }
    const std::initializer_list<std::pair<const char*, const std::string*>> fields = {
        {"os_user", &e.os_user},       {"console_identity", &e.console_identity},
        {"action", &e.action},         {"gateway", &e.gateway},
        {"target", &e.target},         {"before_json", &e.before_json},
        {"after_json", &e.after_json}, {"result", &e.result}};
    for (const auto& [name, value] : fields) {
        if (!text::isValidUtf8(*value)) {
            throw AuditError(std::string("audit entry: ") + name + " is not valid UTF-8");
        }
    }
}

} // namespace

std::string_view toString(AuditProblem problem) noexcept
{
    switch (problem) {
    case AuditProblem::None:
        return "none";
    case AuditProblem::Altered:
        return "altered";
    case AuditProblem::Deleted:
        return "deleted";
    case AuditProblem::Reordered:
        return "reordered";
    case AuditProblem::Forged:
        return "forged";
    case AuditProblem::WrongKey:
        return "wrong-key";
    case AuditProblem::HeadMismatch:
        return "head-mismatch";
    }
    return "unknown";
}

struct AuditLog::Impl
{
    sqlite3* db = nullptr;
    bool readOnly = false;

    ~Impl()
    {
        if (db) {
            sqlite3_close_v2(db);
        }
    }

    void exec(const char* sql) const
    {
        char* error = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : sqlite3_errmsg(db);
            sqlite3_free(error);
            throw AuditError("audit log: " + message);
        }
    }
};

AuditLog::AuditLog(const std::filesystem::path& path, Mode mode)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->readOnly = mode == Mode::ReadOnly;
    const int flags = m_impl->readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &m_impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const std::string message = m_impl->db ? sqlite3_errmsg(m_impl->db) : "out of memory";
        throw AuditError("cannot open audit log " + path.string() + ": " + message);
    }
    sqlite3_busy_timeout(m_impl->db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(m_impl->db, 1);

    std::int64_t userVersion = 0;
    {
        Statement version(m_impl->db, "PRAGMA user_version");
        version.step();
        userVersion = version.integer(0);
    }
    if (m_impl->readOnly) {
        if (userVersion != kSchemaVersion) {
            throw AuditError(path.string() + " is not a ModelGuard audit log");
        }
        return;
    }
    m_impl->exec("PRAGMA journal_mode=WAL");
    m_impl->exec("PRAGMA synchronous=FULL");
    if (userVersion == 0) {
        m_impl->exec("BEGIN IMMEDIATE");
        try {
            // Another process may have created the schema between our check and the lock: the statements are
            // idempotent.
            m_impl->exec(kSchema);
            m_impl->exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
            m_impl->exec("COMMIT");
        } catch (...) {
            sqlite3_exec(m_impl->db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    } else if (userVersion != kSchemaVersion) {
        throw AuditError(path.string() + " is not a ModelGuard audit log (schema version " + std::to_string(userVersion)
                         + ")");
    }
}

AuditLog::~AuditLog() = default;

crypto::Bytes AuditLog::generateKey()
{
    return crypto::randomBytes(kAuditKeySize);
}

std::string AuditLog::canonicalEncoding(std::uint64_t seq, const AuditEntry& e, std::string_view prevHash)
{
    std::string out(kEntryTag);
    appendU64(out, seq);
    appendU64(out, static_cast<std::uint64_t>(e.time_ms));
    for (const std::string_view field :
         {std::string_view(e.os_user), std::string_view(e.console_identity), std::string_view(e.action),
          std::string_view(e.gateway), std::string_view(e.target), std::string_view(e.before_json),
          std::string_view(e.after_json), std::string_view(e.result), prevHash}) {
        appendField(out, field);
    }
    return out;
}

std::uint64_t AuditLog::append(const AuditEntry& entry, crypto::ByteView key)
{
    checkKey(key);
    validate(entry);
    std::lock_guard lock(m_mutex);
    if (m_impl->readOnly) {
        throw AuditError("audit log is open read-only");
    }
    const crypto::HmacSha256 hmac(key);
    m_impl->exec("BEGIN IMMEDIATE");
    try {
        std::uint64_t seq = 1;
        std::string prevHash = kGenesis;
        {
            Statement last(m_impl->db, "SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1");
            if (last.step()) {
                seq = static_cast<std::uint64_t>(last.integer(0)) + 1;
                prevHash = last.text(1);
            }
        }
        const std::string hash = hashHex(canonicalEncoding(seq, entry, prevHash));
        const std::string mac = entryMac(hmac, hash);
        {
            Statement insert(m_impl->db, std::string("INSERT INTO audit_entries (") + kColumns
                                             + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
            insert.bind(1, static_cast<std::int64_t>(seq));
            insert.bind(2, entry.time_ms);
            insert.bind(3, entry.os_user);
            insert.bind(4, entry.console_identity);
            insert.bind(5, entry.action);
            insert.bind(6, entry.gateway);
            insert.bind(7, entry.target);
            insert.bind(8, entry.before_json);
            insert.bind(9, entry.after_json);
            insert.bind(10, entry.result);
            insert.bind(11, prevHash);
            insert.bind(12, hash);
            insert.bind(13, mac);
            insert.step();
        }
        {
            Statement head(m_impl->db, "INSERT INTO audit_head (id, count, last_hash, mac) VALUES (1, ?, ?, ?) "
                                       "ON CONFLICT(id) DO UPDATE SET count = excluded.count, "
                                       "last_hash = excluded.last_hash, mac = excluded.mac");
            head.bind(1, static_cast<std::int64_t>(seq));
            head.bind(2, hash);
            head.bind(3, headMac(hmac, seq, hash));
            head.step();
        }
        m_impl->exec("COMMIT");
        return seq;
    } catch (...) {
        sqlite3_exec(m_impl->db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

VerifyReport AuditLog::verify(crypto::ByteView key) const
{
    checkKey(key);
    std::lock_guard lock(m_mutex);
    const crypto::HmacSha256 hmac(key);
    VerifyReport report;

    // A read transaction gives one consistent snapshot of the rows and the head (WAL: appenders are not blocked).
    m_impl->exec("BEGIN");
    struct Rollback
    {
        sqlite3* db;
        ~Rollback() { sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr); }
    } rollback {m_impl->db};

    {
        Statement count(m_impl->db, "SELECT count(*) FROM audit_entries");
        count.step();
        report.entries = static_cast<std::uint64_t>(count.integer(0));
    }

    struct Head
    {
        std::int64_t count = 0;
        std::string lastHash;
        bool macOk = false;
    };
    std::optional<Head> head;
    {
        Statement h(m_impl->db, "SELECT count, last_hash, mac FROM audit_head WHERE id = 1");
        if (h.step()) {
            Head value;
            value.count = h.integer(0);
            value.lastHash = h.text(1);
            value.macOk = value.count >= 0 && h.type(0) == SQLITE_INTEGER
                          && sameHex(headMac(hmac, static_cast<std::uint64_t>(value.count), value.lastHash), h.text(2));
            head = std::move(value);
        }
    }

    auto fail = [&report](AuditProblem problem, std::uint64_t seq, std::string detail) {
        report.problem = problem;
        report.seq = seq;
        report.detail = std::move(detail);
        return report;
    };
    auto seqOfHash = [this](const std::string& hash) -> std::optional<std::uint64_t> {
        Statement s(m_impl->db, "SELECT seq FROM audit_entries WHERE hash = ? LIMIT 1");
        s.bind(1, hash);
        if (s.step()) {
            return static_cast<std::uint64_t>(s.integer(0));
        }
        return std::nullopt;
    };

    std::uint64_t expected = 1;
    std::string prevHash = kGenesis;
    bool anyMacOk = false;
    Statement rows(m_impl->db, std::string("SELECT ") + kColumns + " FROM audit_entries ORDER BY seq");
    while (rows.step()) {
        const AuditRecord r = readRecord(rows);
        const std::int64_t rawSeq = rows.integer(0);
        if (rawSeq < 1) {
            return fail(AuditProblem::Altered, expected, "entry with invalid seq " + std::to_string(rawSeq) + " found");
        }
        if (r.seq != expected) {
            return fail(
                AuditProblem::Deleted, expected,
                r.seq == expected + 1
                    ? "entry " + std::to_string(expected) + " is missing (next present: " + std::to_string(r.seq) + ")"
                    : "entries " + std::to_string(expected) + ".." + std::to_string(r.seq - 1) + " are missing");
        }
        const std::string computed = hashHex(canonicalEncoding(r.seq, r.entry, r.prev_hash));
        const bool contentOk = sameHex(computed, r.hash);
        if (!sameHex(r.prev_hash, prevHash)) {
            if (const auto other = seqOfHash(r.prev_hash); other && *other != r.seq) {
                return fail(AuditProblem::Reordered, r.seq,
                            "entry " + std::to_string(r.seq) + " links to entry " + std::to_string(*other)
                                + " instead of its predecessor "
                                + (r.seq == 1 ? std::string("(genesis)") : std::to_string(r.seq - 1)));
            }
            if (contentOk && sameHex(entryMac(hmac, r.hash), r.mac)) {
                return fail(AuditProblem::Deleted, r.seq,
                            "entry " + std::to_string(r.seq)
                                + " is authentic but its predecessor is not in the log (deleted and renumbered)");
            }
            return fail(AuditProblem::Altered, r.seq,
                        "entry " + std::to_string(r.seq)
                            + " does not link to its predecessor and does not match "
                              "its hash");
        }
        if (!contentOk) {
            return fail(AuditProblem::Altered, r.seq,
                        "entry " + std::to_string(r.seq) + " does not match its hash (content altered)");
        }
        if (!sameHex(entryMac(hmac, r.hash), r.mac)) {
            if (!anyMacOk && !(head && head->macOk)) {
                return fail(AuditProblem::WrongKey, r.seq,
                            "no entry and not the head verify with this key (wrong key, or the log was re-keyed)");
            }
            return fail(AuditProblem::Forged, r.seq,
                        "entry " + std::to_string(r.seq) + " has an invalid MAC (inserted or forged)");
        }
        anyMacOk = true;
        prevHash = r.hash;
        ++expected;
    }
    const std::uint64_t walked = expected - 1;

    if (!head) {
        if (walked == 0) {
            return report; // an empty log
        }
        return fail(AuditProblem::HeadMismatch, 0, "the head record is missing");
    }
    if (!head->macOk) {
        if (walked == 0) {
            return fail(AuditProblem::Deleted, 1, "the log has no entries but its head is not valid either");
        }
        return fail(AuditProblem::Forged, 0, "the head record has an invalid MAC");
    }
    const auto headCount = static_cast<std::uint64_t>(head->count);
    if (headCount > walked) {
        return fail(AuditProblem::Deleted, walked + 1,
                    "the head records " + std::to_string(headCount) + " entries but the log ends at entry "
                        + std::to_string(walked) + " (newest entries deleted)");
    }
    if (headCount < walked) {
        return fail(AuditProblem::HeadMismatch, 0,
                    "the head records " + std::to_string(headCount) + " entries but the log has "
                        + std::to_string(walked) + " (head rolled back)");
    }
    if (!sameHex(head->lastHash, prevHash)) {
        return fail(AuditProblem::HeadMismatch, 0, "the head's last hash does not match the last entry");
    }
    return report;
}

std::vector<AuditRecord> AuditLog::query(const AuditQuery& filter) const
{
    std::lock_guard lock(m_mutex);
    std::string sql = std::string("SELECT ") + kColumns + " FROM audit_entries WHERE 1";
    if (filter.from_ms) {
        sql += " AND time_ms >= ?1";
    }
    if (filter.to_ms) {
        sql += " AND time_ms <= ?2";
    }
    if (filter.action) {
        sql += " AND action = ?3";
    }
    if (filter.gateway) {
        sql += " AND gateway = ?4";
    }
    if (filter.result == AuditQuery::Result::Ok) {
        sql += " AND result = ?5";
    } else if (filter.result == AuditQuery::Result::Failed) {
        sql += " AND result <> ?5";
    }
    sql += " ORDER BY seq";
    if (filter.limit) {
        sql += " LIMIT ?6";
    }
    Statement s(m_impl->db, sql);
    if (filter.from_ms) {
        s.bind(1, *filter.from_ms);
    }
    if (filter.to_ms) {
        s.bind(2, *filter.to_ms);
    }
    if (filter.action) {
        s.bind(3, *filter.action);
    }
    if (filter.gateway) {
        s.bind(4, *filter.gateway);
    }
    if (filter.result != AuditQuery::Result::Any) {
        s.bind(5, kResultOk);
    }
    if (filter.limit) {
        s.bind(6, static_cast<std::int64_t>(std::min<std::uint64_t>(*filter.limit, INT64_MAX)));
    }
    std::vector<AuditRecord> out;
    while (s.step()) {
        out.push_back(readRecord(s));
    }
    return out;
}

std::uint64_t AuditLog::size() const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_impl->db, "SELECT count(*) FROM audit_entries");
    s.step();
    return static_cast<std::uint64_t>(s.integer(0));
}

} // namespace modelguard::audit
