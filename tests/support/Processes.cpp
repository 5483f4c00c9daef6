#include "tests/support/Processes.h"

#include <boost/json.hpp>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <poll.h>
#include <random>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace modelguard::test {

using namespace std::chrono_literals;

ChildProcess::ChildProcess(std::vector<std::string> args, const std::filesystem::path& logFile, bool pipeStdout)
{
    int fds[2] = {-1, -1};
    if (pipeStdout && pipe(fds) != 0) {
        return;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string log = logFile.string();
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (pipeStdout) {
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
    } else {
        posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
    }
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    if (posix_spawn(&m_pid, args[0].c_str(), &actions, nullptr, argv.data(), environ) != 0) {
        m_pid = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
    if (pipeStdout) {
        close(fds[1]);
        m_out = fds[0];
    }
}

ChildProcess::~ChildProcess()
{
    if (m_pid > 0) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
    if (m_out >= 0) {
        close(m_out);
    }
}

bool ChildProcess::running()
{
    if (m_pid <= 0) {
        return false;
    }
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        return false;
    }
    return true;
}

std::optional<std::string> ChildProcess::readLine(std::chrono::milliseconds timeout)
{
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_out >= 0 && std::chrono::steady_clock::now() < deadline) {
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

std::optional<int> ChildProcess::signalAndWait(int signal, std::chrono::milliseconds timeout)
{
    if (m_pid <= 0) {
        return std::nullopt;
    }
    kill(m_pid, signal);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        const pid_t r = waitpid(m_pid, &status, WNOHANG);
        if (r == m_pid) {
            m_pid = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(10ms);
    }
    return std::nullopt;
}

CommandResult runCommand(const std::vector<std::string>& args, std::chrono::milliseconds timeout,
                         const std::string& stdinText)
{
    CommandResult result;
    int out[2];
    int in[2];
    if (pipe(out) != 0 || pipe(in) != 0) {
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    for (auto& a : copy) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, copy[0].c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(in[0]);
    if (rc != 0) {
        close(out[0]);
        close(in[1]);
        return result;
    }
    std::thread writer([fd = in[1], text = stdinText] {
        std::size_t done = 0;
        while (done < text.size()) {
            const auto n = write(fd, text.data() + done, text.size() - done);
            if (n <= 0) {
                break;
            }
            done += static_cast<std::size_t>(n);
        }
        close(fd);
    });
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char buffer[65536];
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd pfd {out[0], POLLIN, 0};
        if (poll(&pfd, 1, 100) <= 0) {
            continue;
        }
        const auto n = read(out[0], buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        result.out.append(buffer, static_cast<std::size_t>(n));
    }
    close(out[0]);
    // EOF on stdout comes just before the exit: wait for it, within the same deadline.
    int status = 0;
    bool exited = false;
    while (!exited) {
        exited = waitpid(pid, &status, WNOHANG) == pid;
        if (exited || std::chrono::steady_clock::now() >= deadline) {
            break;
        }
        std::this_thread::sleep_for(2ms);
    }
    if (!exited) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        result.status = -1;
    } else {
        result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    writer.join();
    return result;
}

TempDir::TempDir()
{
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = std::filesystem::temp_directory_path() / ("modelguard-test-" + std::to_string(rd()));
        std::error_code ec;
        if (std::filesystem::create_directory(candidate, ec)) {
            m_path = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

GatewayStack::GatewayStack(Options options)
    : m_options(std::move(options))
{ }

GatewayStack::~GatewayStack() = default;

std::string GatewayStack::bootstrapToken(const std::string& role)
{
    auto r = runCommand({m_options.gatewayPath, "bootstrap-token", "--db", database().string(), "--name",
                         role + "-" + std::to_string(++m_starts), "--role", role});
    auto token = r.out;
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) {
        token.pop_back();
    }
    return r.status == 0 ? token : std::string();
}

std::string GatewayStack::gatewayLog() const
{
    std::ifstream f(m_dir.path() / "gateway.log");
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

bool GatewayStack::start()
{
    std::vector<std::string> args {m_options.cliPath, "sim",    "upstream",
                                   "--port",          "0",      "--host",
                                   "127.0.0.1",       "--seed", std::to_string(m_options.seed),
                                   "--print-port"};
    if (m_options.tokenLatencyMs > 0) {
        args.push_back("--token-latency-ms");
        args.push_back(std::to_string(m_options.tokenLatencyMs));
    }
    m_upstream = std::make_unique<ChildProcess>(args, m_dir.path() / "upstream.log", true);
    auto line = m_upstream->readLine(20s);
    if (!line) {
        m_error = "the upstream simulator printed no port";
        return false;
    }
    m_upstreamPort = static_cast<std::uint16_t>(std::stoi(line->substr(line->rfind(':') + 1)));
    m_adminToken = bootstrapToken("admin");
    if (m_adminToken.rfind("mga_", 0) != 0) {
        m_error = "bootstrap-token failed: '" + m_adminToken + "'";
        return false;
    }
    return startGateway(0, 0);
}

bool GatewayStack::startGateway(std::uint16_t dataPort, std::uint16_t adminPort)
{
    const auto ready = m_dir.path() / "ready.json";
    std::filesystem::remove(ready);
    std::vector<std::string> args {m_options.gatewayPath,
                                   "--listen",
                                   "127.0.0.1:" + std::to_string(dataPort),
                                   "--admin-listen",
                                   "127.0.0.1:" + std::to_string(adminPort),
                                   "--upstream",
                                   "http://127.0.0.1:" + std::to_string(m_upstreamPort),
                                   "--db",
                                   database().string(),
                                   "--threads",
                                   "2",
                                   "--ready-file",
                                   ready.string()};
    args.insert(args.end(), m_options.extraGatewayArgs.begin(), m_options.extraGatewayArgs.end());
    m_gateway = std::make_unique<ChildProcess>(args, m_dir.path() / "gateway.log");
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
        if (std::filesystem::exists(ready)) {
            std::ifstream f(ready);
            std::stringstream s;
            s << f.rdbuf();
            std::error_code ec;
            auto v = boost::json::parse(s.str(), ec);
            if (!ec && v.is_object()) {
                m_dataPort = static_cast<std::uint16_t>(v.as_object()["data_port"].to_number<int>());
                m_adminPort = static_cast<std::uint16_t>(v.as_object()["admin_port"].to_number<int>());
                return true;
            }
        }
        if (!m_gateway->running()) {
            m_error = "the gateway exited: " + gatewayLog();
            return false;
        }
        std::this_thread::sleep_for(20ms);
    }
    m_error = "the gateway did not become ready: " + gatewayLog();
    return false;
}

void GatewayStack::killGateway()
{
    if (m_gateway) {
        m_gateway->signalAndWait(SIGKILL, 5s);
    }
}

std::optional<int> GatewayStack::stopGateway()
{
    return m_gateway ? m_gateway->signalAndWait(SIGTERM, 15s) : std::nullopt;
}

bool GatewayStack::restartGateway()
{
    // The old ports may linger in TIME_WAIT for connections the gateway accepted; the server sets SO_REUSEADDR.
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (startGateway(m_dataPort, m_adminPort)) {
            return true;
        }
        std::this_thread::sleep_for(100ms);
    }
    return false;
}

} // namespace modelguard::test
