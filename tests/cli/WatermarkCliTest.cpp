// Runs the real modelguard-cli binary (`watermark keygen|embed|detect`) as a child process with files for its
// standard streams, in a fresh temporary directory per test, and checks exit codes, output and files.
#include "core/crypto/Crypto.h"
#include "core/text/Utf8.h"
#include "core/watermark/Payload.h"
#include "core/watermark/Watermark.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

namespace fs = std::filesystem;
namespace wm = modelguard::watermark;
using nlohmann::json;

constexpr std::uint32_t kMinute = 28000000; // 2023-03-28T10:40:00Z
constexpr const char* kMinuteIso = "2023-03-28T10:40:00Z";
/// Length of the text of the lexical-only attribution test.
constexpr std::size_t kLexicalWords = 2500;

struct RunResult
{
    int exitCode = -1; ///< the child's exit code, or 128 + signal when it was killed (a crash)
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

void writeFile(const fs::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(out.good()) << "cannot write " << path;
}

std::size_t countWords(std::string_view text)
{
    std::size_t words = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !inWord) {
            ++words;
        }
        inWord = !space;
    }
    return words;
}

/// English prose from Debian's fortunes: whole fortunes of the given file, starting at fortune `first`, until at
/// least `minWords` words. Fortunes holding control characters (overstriking) are skipped.
std::string englishText(std::size_t minWords, std::size_t first = 0, const char* file = "literature")
{
    const std::string all = readFile(fs::path("/usr/share/games/fortunes") / file);
    std::string text;
    std::size_t index = 0;
    std::size_t pos = 0;
    while (pos < all.size() && countWords(text) < minWords) {
        std::size_t end = all.find("\n%\n", pos);
        if (end == std::string::npos) {
            end = all.size();
        }
        const std::string_view fortune = std::string_view(all).substr(pos, end - pos);
        pos = end + 3;
        bool clean = true;
        for (const char c : fortune) {
            clean = clean && (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t');
        }
        if (clean && index++ >= first) {
            text.append(fortune).append("\n\n");
        }
    }
    return text;
}

class WatermarkCli : public ::testing::Test
{
protected:
    void SetUp() override
    {
        std::string pattern = (fs::temp_directory_path() / "mg-cli-test-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }

    void TearDown() override
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    /// Runs modelguard-cli with args, input on its standard input.
    RunResult run(const std::vector<std::string>& args, std::string_view input = {})
    {
        const fs::path in = m_dir / "stdin";
        const fs::path out = m_dir / "stdout";
        const fs::path err = m_dir / "stderr";
        writeFile(in, input);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, in.c_str(), O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<std::string> argStrings {MG_CLI_PATH};
        argStrings.insert(argStrings.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& a : argStrings) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);

        RunResult result;
        pid_t pid = 0;
        const int spawnError = posix_spawn(&pid, MG_CLI_PATH, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (spawnError != 0) {
            ADD_FAILURE() << "cannot start " << MG_CLI_PATH << ": " << std::strerror(spawnError);
            return result;
        }
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (WIFEXITED(status)) {
            result.exitCode = WEXITSTATUS(status);
        } else if (WIFSIGNALED(status)) {
            result.exitCode = 128 + WTERMSIG(status);
        }
        result.out = readFile(out);
        result.err = readFile(err);
        return result;
    }

    /// Creates a gateway key with the CLI and returns its path.
    fs::path keygen(const std::string& name, const std::string& gatewayId)
    {
        const fs::path path = m_dir / name;
        const RunResult r = run({"watermark", "keygen", "--out", path.string(), "--gateway-id", gatewayId});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return path;
    }

    /// A key file with a fixed secret derived from its name, so that runs are reproducible (keygen draws a random
    /// secret). The format is the one saveGatewayKey writes (docs/watermark.md).
    fs::path fixedKey(const std::string& name, const std::string& gatewayId)
    {
        const fs::path path = m_dir / name;
        const auto secret = modelguard::crypto::sha256("modelguard cli test key: " + name);
        writeFile(path, "format: modelguard-watermark-key/1\ngateway: " + gatewayId
                            + "\nsecret: " + modelguard::crypto::toHex(secret) + "\n");
        fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
        return path;
    }

    std::string embed(const fs::path& key, const std::string& client, const std::string& scheme, std::string_view text)
    {
        const RunResult r = run({"watermark", "embed", "--key", key.string(), "--client", client, "--scheme", scheme,
                                 "--minute", std::to_string(kMinute)},
                                text);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.out;
    }

    /// Runs detect --json and parses its output (a discarded JSON value when it does not parse).
    json detectJson(const std::vector<std::string>& extraArgs, std::string_view text, int& exitCode)
    {
        std::vector<std::string> args {"watermark", "detect", "--json"};
        args.insert(args.end(), extraArgs.begin(), extraArgs.end());
        const RunResult r = run(args, text);
        exitCode = r.exitCode;
        const json j = json::parse(r.out, nullptr, false);
        EXPECT_FALSE(j.is_discarded()) << "not JSON: " << r.out << "\nstderr: " << r.err;
        return j;
    }

    fs::path m_dir;
};

void expectResultShape(const json& j)
{
    ASSERT_TRUE(j.is_object());
    for (const char* field : {"verdict", "schemes", "p_value", "z", "scored", "green", "client", "gateway", "issued_at",
                              "payload_copies", "english_scorable", "evidence"}) {
        EXPECT_TRUE(j.contains(field)) << "missing " << field << " in " << j.dump();
    }
    EXPECT_TRUE(j["verdict"].is_string());
    EXPECT_TRUE(j["schemes"].is_array());
    EXPECT_TRUE(j["evidence"].is_array());
    EXPECT_TRUE(j["english_scorable"].is_boolean());
    EXPECT_TRUE(j["client"].is_null() || j["client"].is_string());
    EXPECT_TRUE(j["issued_at"].is_null() || j["issued_at"].is_string());
}

bool hasScheme(const json& j, const std::string& scheme)
{
    for (const json& s : j["schemes"]) {
        if (s == scheme) {
            return true;
        }
    }
    return false;
}

TEST_F(WatermarkCli, KeygenCreatesOwnerOnlyKeyFile)
{
    const fs::path key = keygen("gateway.key", "gw-test");
    struct stat st
    {
    };
    ASSERT_EQ(::stat(key.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600U);
    const wm::GatewayKey loaded = wm::loadGatewayKey(key.string());
    EXPECT_EQ(loaded.gatewayId, "gw-test");
    EXPECT_EQ(loaded.secret.size(), 32U);

    // Two keys never share a secret.
    const wm::GatewayKey other = wm::loadGatewayKey(keygen("other.key", "gw-test").string());
    EXPECT_NE(loaded.secret, other.secret);
}

TEST_F(WatermarkCli, KeygenWithoutGatewayIdPicksOne)
{
    const fs::path key = m_dir / "auto.key";
    const RunResult r = run({"watermark", "keygen", "--out", key.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const wm::GatewayKey loaded = wm::loadGatewayKey(key.string());
    EXPECT_FALSE(loaded.gatewayId.empty());
    EXPECT_NE(r.out.find(loaded.gatewayId), std::string::npos) << r.out;

    // The new key works for embedding and detection.
    const std::string marked = embed(key, "acme", "payload", englishText(120));
    int exitCode = -1;
    const json j = detectJson({"--key", key.string()}, marked, exitCode);
    EXPECT_EQ(exitCode, 0);
    EXPECT_EQ(j["gateway"], loaded.gatewayId);
    EXPECT_EQ(j["client"], "acme");
}

TEST_F(WatermarkCli, KeygenRefusesToOverwrite)
{
    const fs::path key = keygen("gateway.key", "gw-test");
    const std::string before = readFile(key);
    const RunResult r = run({"watermark", "keygen", "--out", key.string(), "--gateway-id", "gw-other"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_FALSE(r.err.empty());
    EXPECT_EQ(readFile(key), before);

    // Nor any other existing file.
    const fs::path precious = m_dir / "precious.txt";
    writeFile(precious, "do not touch\n");
    const RunResult r2 = run({"watermark", "keygen", "--out", precious.string()});
    EXPECT_EQ(r2.exitCode, 2);
    EXPECT_EQ(readFile(precious), "do not touch\n");
}

TEST_F(WatermarkCli, KeygenRejectsBadArguments)
{
    const fs::path key = m_dir / "bad.key";
    EXPECT_EQ(run({"watermark", "keygen", "--out", key.string(), "--gateway-id", "has space"}).exitCode, 2);
    EXPECT_EQ(run({"watermark", "keygen", "--out", key.string(), "--gateway-id", std::string(65, 'g')}).exitCode, 2);
    EXPECT_FALSE(fs::exists(key));
    const RunResult missingDir = run({"watermark", "keygen", "--out", (m_dir / "no" / "such" / "k").string()});
    EXPECT_EQ(missingDir.exitCode, 2);
    EXPECT_FALSE(missingDir.err.empty());
    EXPECT_EQ(run({"watermark", "keygen"}).exitCode, 2); // --out is required
    EXPECT_EQ(run({"watermark"}).exitCode, 2);           // a subcommand is required
}

TEST_F(WatermarkCli, PayloadRoundTripNamesTheClient)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    const std::string text = englishText(120);
    const std::string marked = embed(key, "acme-7", "payload", text);
    EXPECT_NE(marked, text);
    // The payload is invisible: the visible text is unchanged.
    EXPECT_EQ(wm::stripPayload(marked), text);

    int exitCode = -1;
    const json j = detectJson({"--key", key.string()}, marked, exitCode);
    EXPECT_EQ(exitCode, 0);
    expectResultShape(j);
    EXPECT_EQ(j["verdict"], "watermarked");
    EXPECT_TRUE(hasScheme(j, "payload"));
    EXPECT_EQ(j["client"], "acme-7");
    EXPECT_EQ(j["gateway"], "gw-test");
    EXPECT_EQ(j["issued_at"], kMinuteIso);
    EXPECT_GE(j["payload_copies"].get<int>(), 1);
    bool payloadEvidence = false;
    for (const json& span : j["evidence"]) {
        const auto begin = span["begin"].get<std::size_t>();
        const auto end = span["end"].get<std::size_t>();
        EXPECT_LE(begin, end);
        EXPECT_LE(end, marked.size());
        payloadEvidence = payloadEvidence || span["kind"] == "payload_run";
    }
    EXPECT_TRUE(payloadEvidence);
}

TEST_F(WatermarkCli, HumanOutputShowsVerdictAndAttribution)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    const std::string marked = embed(key, "acme", "payload", englishText(120));
    const RunResult r = run({"watermark", "detect", "--key", key.string()}, marked);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("verdict: watermarked"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("client: acme"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("gateway: gw-test"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(kMinuteIso), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("p-value"), std::string::npos) << r.out;
}

TEST_F(WatermarkCli, LexicalOnlyIsAttributedAmongCandidates)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    const std::string text = englishText(kLexicalWords);
    const std::string marked = embed(key, "b", "lexical", text);
    // Lexical only: no invisible code points, and some words changed.
    EXPECT_EQ(wm::stripPayload(marked), marked);
    EXPECT_NE(marked, text);

    int exitCode = -1;
    const json j = detectJson({"--key", key.string(), "--clients", "a,b,c"}, marked, exitCode);
    EXPECT_EQ(exitCode, 0);
    expectResultShape(j);
    EXPECT_EQ(j["verdict"], "watermarked");
    EXPECT_EQ(j["client"], "b");
    EXPECT_TRUE(hasScheme(j, "lexical"));
    EXPECT_FALSE(hasScheme(j, "payload"));
    EXPECT_LE(j["p_value"].get<double>(), 1e-6);
    EXPECT_GT(j["z"].get<double>(), 0.0);
    EXPECT_LE(j["green"].get<int>(), j["scored"].get<int>());
    EXPECT_EQ(j["payload_copies"], 0);

    // The same text checked only against the other clients is not attributed to them.
    const json others = detectJson({"--key", key.string(), "--clients", "a,c"}, marked, exitCode);
    EXPECT_EQ(exitCode, 1);
    EXPECT_NE(others["verdict"], "watermarked");
    EXPECT_TRUE(others["client"].is_null());
}

TEST_F(WatermarkCli, UnwatermarkedEnglishIsNotWatermarked)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    int exitCode = -1;
    const std::string text = englishText(1000, 40);
    const json j = detectJson({"--key", key.string(), "--clients", "a,b,c"}, text, exitCode);
    EXPECT_EQ(exitCode, 1);
    expectResultShape(j);
    EXPECT_EQ(j["verdict"], "not_watermarked");
    EXPECT_TRUE(j["client"].is_null());
    EXPECT_TRUE(j["schemes"].empty());
    EXPECT_GT(j["scored"].get<int>(), 12);
    EXPECT_TRUE(j["english_scorable"].get<bool>());

    const RunResult human = run({"watermark", "detect", "--key", key.string(), "--clients", "a,b,c"}, text);
    EXPECT_EQ(human.exitCode, 1);
    EXPECT_NE(human.out.find("verdict: not_watermarked"), std::string::npos) << human.out;
}

TEST_F(WatermarkCli, ShortTextIsTooShort)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    int exitCode = -1;
    const json j = detectJson({"--key", key.string(), "--clients", "a"}, "Hello there.\n", exitCode);
    EXPECT_EQ(exitCode, 1);
    expectResultShape(j);
    EXPECT_EQ(j["verdict"], "too_short");

    const json empty = detectJson({"--key", key.string()}, "", exitCode);
    EXPECT_EQ(exitCode, 1);
    EXPECT_EQ(empty["verdict"], "too_short");
}

TEST_F(WatermarkCli, WrongKeyDoesNotVerifyAndSeveralKeysAreTried)
{
    const fs::path right = fixedKey("right.key", "gw-right");
    const fs::path wrong = fixedKey("wrong.key", "gw-wrong");
    const std::string marked = embed(right, "acme", "both", englishText(300));

    int exitCode = -1;
    const json withWrong = detectJson({"--key", wrong.string(), "--clients", "acme"}, marked, exitCode);
    EXPECT_EQ(exitCode, 1);
    EXPECT_NE(withWrong["verdict"], "watermarked");
    EXPECT_TRUE(withWrong["client"].is_null());
    EXPECT_EQ(withWrong["payload_copies"], 0);

    const json withBoth = detectJson({"--key", wrong.string(), "--key", right.string()}, marked, exitCode);
    EXPECT_EQ(exitCode, 0);
    EXPECT_EQ(withBoth["verdict"], "watermarked");
    EXPECT_EQ(withBoth["gateway"], "gw-right");
    EXPECT_EQ(withBoth["client"], "acme");
}

TEST_F(WatermarkCli, BadKeyFileIsAnError)
{
    const fs::path garbage = m_dir / "garbage.key";
    writeFile(garbage, "this is not a key\n\x01\x02\xff");
    const fs::path missing = m_dir / "missing.key";
    for (const fs::path& key : {garbage, missing}) {
        const RunResult d = run({"watermark", "detect", "--key", key.string()}, "Some text to check.\n");
        EXPECT_EQ(d.exitCode, 2) << key;
        EXPECT_NE(d.err.find("modelguard-cli"), std::string::npos) << d.err;
        EXPECT_GT(d.err.size(), std::string("modelguard-cli watermark detect: \n").size()) << d.err;
        EXPECT_TRUE(d.out.empty()) << d.out;

        const RunResult e = run({"watermark", "embed", "--key", key.string(), "--client", "a"}, "Some text.\n");
        EXPECT_EQ(e.exitCode, 2) << key;
        EXPECT_FALSE(e.err.empty());
        EXPECT_TRUE(e.out.empty()) << e.out;
    }
}

TEST_F(WatermarkCli, InvalidEmbedArgumentsAreErrors)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    const std::string k = key.string();
    for (const char* strength : {"1.5", "-0.1", "nan", "abc", "", "inf"}) {
        const RunResult r = run({"watermark", "embed", "--key", k, "--client", "a", "--strength", strength}, "Hi.\n");
        EXPECT_EQ(r.exitCode, 2) << "strength " << strength;
        EXPECT_FALSE(r.err.empty());
        EXPECT_TRUE(r.out.empty());
    }
    for (const std::string& client : {std::string(), std::string("has space"), std::string("a,b"), std::string(65, 'c'),
                                      std::string("caf\xc3\xa9")}) {
        EXPECT_EQ(run({"watermark", "embed", "--key", k, "--client", client}, "Hi.\n").exitCode, 2) << client;
    }
    EXPECT_EQ(run({"watermark", "embed", "--key", k, "--client", "a", "--scheme", "bogus"}, "Hi.\n").exitCode, 2);
    EXPECT_EQ(run({"watermark", "embed", "--key", k, "--client", "a", "--minute", "-1"}, "Hi.\n").exitCode, 2);
    EXPECT_EQ(run({"watermark", "embed", "--key", k}, "Hi.\n").exitCode, 2);      // --client is required
    EXPECT_EQ(run({"watermark", "embed", "--client", "a"}, "Hi.\n").exitCode, 2); // --key is required
    // Strength at the bounds is accepted.
    EXPECT_EQ(run({"watermark", "embed", "--key", k, "--client", "a", "--strength", "0"}, "Hi.\n").exitCode, 0);
    EXPECT_EQ(run({"watermark", "embed", "--key", k, "--client", "a", "--strength", "1"}, "Hi.\n").exitCode, 0);
}

TEST_F(WatermarkCli, InvalidDetectArgumentsAreErrors)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    const std::string k = key.string();
    EXPECT_EQ(run({"watermark", "detect"}, "Hi.\n").exitCode, 2);
    EXPECT_EQ(run({"watermark", "detect", "--key", k, "--clients", "a,,b"}, "Hi.\n").exitCode, 2);
    EXPECT_EQ(run({"watermark", "detect", "--key", k, "--clients", "a b"}, "Hi.\n").exitCode, 2);
    for (const char* threshold : {"0", "1", "2", "-1e-6", "x"}) {
        EXPECT_EQ(run({"watermark", "detect", "--key", k, "--threshold", threshold}, "Hi.\n").exitCode, 2) << threshold;
    }
}

TEST_F(WatermarkCli, BinaryGarbageDoesNotCrash)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    std::mt19937 rng(20261121);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string garbage(64 * 1024, '\0');
    for (char& c : garbage) {
        c = static_cast<char>(byte(rng));
    }
    // Garbage with a verified payload in the middle: still attributed.
    const std::string marked = embed(key, "acme", "payload", englishText(120));
    const std::string mixed = garbage.substr(0, 1000) + marked + garbage.substr(1000, 1000);

    for (const std::string& input : {garbage, mixed}) {
        int exitCode = -1;
        const json j = detectJson({"--key", key.string(), "--clients", "a,b,acme"}, input, exitCode);
        EXPECT_TRUE(exitCode == 0 || exitCode == 1) << exitCode;
        expectResultShape(j);
        for (const json& span : j["evidence"]) {
            EXPECT_LE(span["begin"].get<std::size_t>(), span["end"].get<std::size_t>());
            EXPECT_LE(span["end"].get<std::size_t>(), input.size());
        }
        const RunResult human = run({"watermark", "detect", "--key", key.string()}, input);
        EXPECT_TRUE(human.exitCode == 0 || human.exitCode == 1) << human.exitCode;
        EXPECT_NE(human.out.find("verdict: "), std::string::npos);
    }
    int exitCode = -1;
    const json j = detectJson({"--key", key.string()}, mixed, exitCode);
    EXPECT_EQ(exitCode, 0);
    EXPECT_EQ(j["client"], "acme");

    // Embedding garbage gives valid UTF-8.
    const RunResult e = run({"watermark", "embed", "--key", key.string(), "--client", "a"}, garbage);
    EXPECT_EQ(e.exitCode, 0) << e.err;
    EXPECT_TRUE(modelguard::text::isValidUtf8(e.out));
    EXPECT_GE(e.out.size(), garbage.size() / 2);
}

TEST_F(WatermarkCli, EmbedStreamsOutputBeforeInputEnds)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    int toChild[2];
    int fromChild[2];
    ASSERT_EQ(pipe(toChild), 0);
    ASSERT_EQ(pipe(fromChild), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO);
    for (const int fd : {toChild[0], toChild[1], fromChild[0], fromChild[1]}) {
        posix_spawn_file_actions_addclose(&actions, fd);
    }
    std::vector<std::string> argStrings {MG_CLI_PATH, "watermark", "embed", "--key", key.string(), "--client", "acme"};
    std::vector<char*> argv;
    for (std::string& a : argStrings) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawnError = posix_spawn(&pid, MG_CLI_PATH, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(toChild[0]);
    close(fromChild[1]);
    ASSERT_EQ(spawnError, 0);

    // 16 KiB fits in the pipe, and so does its watermarked output: nothing blocks before we read.
    const std::string text = englishText(100000).substr(0, 16 * 1024);
    ASSERT_EQ(write(toChild[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
    pollfd ready {fromChild[0], POLLIN, 0};
    const int polled = poll(&ready, 1, 20000);
    EXPECT_EQ(polled, 1) << "no output within 20 s while standard input is still open";

    close(toChild[1]);
    std::string output;
    std::array<char, 65536> buffer {};
    for (;;) {
        const ssize_t n = read(fromChild[0], buffer.data(), buffer.size());
        if (n > 0) {
            output.append(buffer.data(), static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    close(fromChild[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_GT(wm::stripPayload(output).size(), text.size() / 2);
    int exitCode = -1;
    const json j = detectJson({"--key", key.string()}, output, exitCode);
    EXPECT_EQ(exitCode, 0);
    EXPECT_EQ(j["client"], "acme");
}

TEST_F(WatermarkCli, LargeInputIsEmbeddedAsOneShotWould)
{
    const fs::path key = fixedKey("gateway.key", "gw-test");
    // About 1.5 MB: many read blocks, so block boundaries fall inside words and UTF-8 sequences.
    std::string text;
    const std::string base =
        englishText(100000, 0, "literature") + "na\xc3\xafve caf\xc3\xa9 \xe2\x80\x94 r\xc3\xa9sum\xc3\xa9\n";
    while (text.size() < 1500 * 1024) {
        text += base;
    }
    const std::string cliOutput = embed(key, "acme", "both", text);

    wm::EmbedOptions options;
    options.scheme = wm::Scheme::Both;
    options.issuedAtMinutes = kMinute;
    const wm::Embedder embedder(wm::loadGatewayKey(key.string()), "acme", options);
    const std::string expected = embedder.embed(text);
    EXPECT_EQ(cliOutput.size(), expected.size());
    EXPECT_TRUE(cliOutput == expected) << "streamed CLI output differs from Embedder::embed";
}

} // namespace
