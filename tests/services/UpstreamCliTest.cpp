// The real `modelguard-cli sim upstream --port 0` process: it prints its port when ready, serves requests and stops
// cleanly on SIGTERM.
#include "tests/services/TestHttpClient.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace modelguard::test {
namespace {

using namespace std::chrono_literals;

/// A child process with its stdout on a pipe; killed and reaped by the destructor if still running.
class ChildProcess
{
public:
    explicit ChildProcess(std::vector<std::string> args)
    {
        int fds[2];
        if (pipe(fds) != 0) {
            return;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::vector<char*> argv;
        for (std::string& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        if (posix_spawn(&m_pid, args[0].c_str(), &actions, nullptr, argv.data(), environ) != 0) {
            m_pid = -1;
        }
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        m_out = fds[0];
    }
    ~ChildProcess()
    {
        if (m_pid > 0) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
        if (m_out >= 0) {
            close(m_out);
        }
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool started() const { return m_pid > 0; }

    /// Reads one line of stdout, waiting at most `timeout`.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout)
    {
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd pfd {m_out, POLLIN, 0};
            if (poll(&pfd, 1, 100) <= 0) {
                continue;
            }
            char c = 0;
            if (read(m_out, &c, 1) != 1) {
                return std::nullopt;
            }
            if (c == '\n') {
                return line;
            }
            line.push_back(c);
        }
        return std::nullopt;
    }

    /// Sends a signal and waits (bounded) for the exit status; nullopt if it did not exit in time.
    std::optional<int> signalAndWait(int signal, std::chrono::milliseconds timeout)
    {
        kill(m_pid, signal);
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            const pid_t r = waitpid(m_pid, &status, WNOHANG);
            if (r == m_pid) {
                m_pid = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(20ms);
        }
        return std::nullopt;
    }

private:
    pid_t m_pid = -1;
    int m_out = -1;
};

TEST(UpstreamCliTest, ServesOnAnEphemeralPortAndStopsOnSigterm)
{
    ChildProcess child(
        {MG_CLI_PATH, "sim", "upstream", "--port", "0", "--host", "127.0.0.1", "--seed", "11", "--print-port"});
    ASSERT_TRUE(child.started());
    const auto line = child.readLine(30s);
    ASSERT_TRUE(line.has_value()) << "no port printed";
    const int port = std::stoi(*line);
    ASSERT_GT(port, 0);
    ASSERT_LT(port, 65536);

    const auto models = httpRequest(static_cast<std::uint16_t>(port), "GET", "/v1/models");
    EXPECT_EQ(models.status, 200);
    const std::string body =
        R"({"model":"sim-gpt-1","messages":[{"role":"user","content":"Hi there"}],"max_tokens":8})";
    const auto first = httpRequest(static_cast<std::uint16_t>(port), "POST", "/v1/chat/completions", body);
    const auto second = httpRequest(static_cast<std::uint16_t>(port), "POST", "/v1/chat/completions", body);
    ASSERT_EQ(first.status, 200) << first.body;
    const auto value = boost::json::parse(first.body);
    EXPECT_EQ(value.at("usage").at("completion_tokens").as_int64(), 8);
    EXPECT_EQ(value.at("choices").at(0).at("message").at("content"),
              boost::json::parse(second.body).at("choices").at(0).at("message").at("content"));

    const auto exitCode = child.signalAndWait(SIGTERM, 10s);
    ASSERT_TRUE(exitCode.has_value()) << "did not stop within 10 s of SIGTERM";
    EXPECT_EQ(*exitCode, 0);
    EXPECT_FALSE(httpRequest(static_cast<std::uint16_t>(port), "GET", "/v1/models", "", {}, 1s).error.empty());
}

TEST(UpstreamCliTest, PrintsUrlAndFailsClearlyWhenThePortIsTaken)
{
    ChildProcess first({MG_CLI_PATH, "sim", "upstream", "--port", "0"});
    const auto line = first.readLine(30s);
    ASSERT_TRUE(line.has_value());
    ASSERT_TRUE(line->starts_with("listening on http://127.0.0.1:")) << *line;
    const std::string port = line->substr(line->rfind(':') + 1);

    ChildProcess second({MG_CLI_PATH, "sim", "upstream", "--port", port});
    ASSERT_TRUE(second.started());
    const auto exitCode = second.signalAndWait(0, 30s); // signal 0: only wait for its own exit
    ASSERT_TRUE(exitCode.has_value());
    EXPECT_EQ(*exitCode, 1);
    EXPECT_EQ(first.signalAndWait(SIGINT, 10s).value_or(-1), 0);
}

} // namespace
} // namespace modelguard::test
