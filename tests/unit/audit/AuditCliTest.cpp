// Runs the real modelguard-cli binary (`audit verify|export`) as a child process and checks its exit codes and
// output: 0 intact, 3 broken (with the classification), 2 usage or input errors.
#include "core/audit/AuditLog.h"

#include "core/crypto/Crypto.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using namespace modelguard::audit;
namespace crypto = modelguard::crypto;

struct RunResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class AuditCliTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        char pattern[] = "/tmp/mg-audit-cli-XXXXXX";
        ASSERT_NE(::mkdtemp(pattern), nullptr);
        m_dir = pattern;
        m_log = m_dir / "audit.db";
        m_keyFile = m_dir / "audit.key";
        m_key = AuditLog::generateKey();
        std::ofstream(m_keyFile) << crypto::toHex(m_key) << "\n";
        AuditLog log(m_log);
        for (int i = 1; i <= 3; ++i) {
            AuditEntry e;
            e.time_ms = 1'700'000'000'000 + i;
            e.os_user = "alice";
            e.console_identity = "console-A";
            e.action = "key.revoke";
            e.gateway = "gw-1";
            e.target = "key, \"" + std::to_string(i) + "\"";
            e.before_json = R"({"active":true})";
            e.after_json = R"({"active":false})";
            e.result = i == 2 ? "failed: HTTP 500" : "ok";
            log.append(e, m_key);
        }
    }
    void TearDown() override
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    RunResult run(const std::vector<std::string>& args) const
    {
        std::vector<std::string> all = {MG_CLI_PATH};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : all) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        const fs::path outPath = m_dir / "stdout.txt";
        const fs::path errPath = m_dir / "stderr.txt";
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        pid_t pid = 0;
        RunResult result;
        const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0) {
            return result;
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        result.out = readFile(outPath);
        result.err = readFile(errPath);
        return result;
    }

    void tamper(const std::string& sql) const
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(m_log.c_str(), &db), SQLITE_OK);
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
        sqlite3_close(db);
        ASSERT_EQ(rc, SQLITE_OK);
    }

    fs::path m_dir;
    fs::path m_log;
    fs::path m_keyFile;
    crypto::Bytes m_key;
};

TEST_F(AuditCliTest, VerifyIntactExitsZero)
{
    const auto r = run({"audit", "verify", m_log.string(), "--key-file", m_keyFile.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("intact: 3 entries"), std::string::npos) << r.out;
}

TEST_F(AuditCliTest, VerifyBrokenExitsThreeWithTheReport)
{
    tamper("UPDATE audit_entries SET result = 'ok' WHERE seq = 2");
    auto r = run({"audit", "verify", m_log.string(), "--key-file", m_keyFile.string()});
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_NE(r.out.find("altered at entry 2"), std::string::npos) << r.out;

    tamper("UPDATE audit_entries SET result = 'failed: HTTP 500' WHERE seq = 2; DELETE FROM audit_entries "
           "WHERE seq = 3");
    r = run({"audit", "verify", m_log.string(), "--key-file", m_keyFile.string()});
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_NE(r.out.find("deleted at entry 3"), std::string::npos) << r.out;
}

TEST_F(AuditCliTest, VerifyWithWrongKeyExitsThree)
{
    std::ofstream(m_keyFile, std::ios::trunc) << crypto::toHex(AuditLog::generateKey());
    const auto r = run({"audit", "verify", m_log.string(), "--key-file", m_keyFile.string()});
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_NE(r.out.find("wrong-key"), std::string::npos) << r.out;
}

TEST_F(AuditCliTest, VerifyOfAFileThatIsNotALogExitsThree)
{
    const fs::path junk = m_dir / "junk.db";
    std::ofstream(junk) << std::string(4096, 'x');
    const auto r = run({"audit", "verify", junk.string(), "--key-file", m_keyFile.string()});
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_NE(r.out.find("BROKEN"), std::string::npos) << r.out;
}

TEST_F(AuditCliTest, UsageAndInputErrorsExitTwo)
{
    EXPECT_EQ(run({"audit", "verify", m_log.string()}).exitCode, 2); // no --key-file
    EXPECT_EQ(run({"audit", "verify", (m_dir / "missing.db").string(), "--key-file", m_keyFile.string()}).exitCode, 2);
    EXPECT_FALSE(fs::exists(m_dir / "missing.db"));
    EXPECT_EQ(run({"audit", "verify", m_log.string(), "--key-file", (m_dir / "nokey").string()}).exitCode, 2);
    std::ofstream(m_dir / "short.key") << "abcd";
    const auto r = run({"audit", "verify", m_log.string(), "--key-file", (m_dir / "short.key").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("64 hex digits"), std::string::npos) << r.err;
    EXPECT_EQ(run({"audit", "export", m_log.string(), "--format", "xml"}).exitCode, 2);
    EXPECT_EQ(run({"audit"}).exitCode, 2);
}

TEST_F(AuditCliTest, ExportsJsonLinesAndCsv)
{
    auto r = run({"audit", "export", m_log.string(), "--format", "jsonl"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        ++count;
        EXPECT_EQ(line.front(), '{');
        EXPECT_NE(line.find("\"action\":\"key.revoke\""), std::string::npos) << line;
    }
    EXPECT_EQ(count, 3);

    r = run({"audit", "export", m_log.string(), "--format", "csv", "--result", "failed"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, csvHeader() + "\r\n" + toCsvRecord(AuditLog(m_log).query()[1]) + "\r\n");
    EXPECT_NE(r.out.find("\"key, \"\"2\"\"\""), std::string::npos) << r.out;

    r = run(
        {"audit", "export", m_log.string(), "--from", "1700000000002", "--action", "key.revoke", "--gateway", "gw-1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
    EXPECT_EQ(r.out.find("\"seq\":1,"), std::string::npos) << r.out;
    r = run({"audit", "export", m_log.string(), "--gateway", "gw-2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;

    const fs::path outFile = m_dir / "out.csv";
    r = run({"audit", "export", m_log.string(), "--format", "csv", "-o", outFile.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string csv = readFile(outFile);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
}

} // namespace
