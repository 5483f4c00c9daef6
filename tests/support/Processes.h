#pragma once
// Real processes for the end-to-end tests: a child process fixture, and the local stack the gateway tests run
// against (the upstream simulator and a modelguard-gateway with a fresh database, on 127.0.0.1, ephemeral ports).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace modelguard::test {

/// A child process; stdout (and stderr) go to a log file, or stdout to a pipe when `pipeStdout`. Killed with SIGKILL
/// and reaped by the destructor if still running.
class ChildProcess
{
public:
    ChildProcess(std::vector<std::string> args, const std::filesystem::path& logFile, bool pipeStdout = false);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool running();
    pid_t pid() const { return m_pid; }
    /// One line of the piped stdout, waiting at most `timeout`.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout);
    /// Sends a signal and waits (bounded) for the exit status (128 + signal if killed); nullopt on timeout.
    std::optional<int> signalAndWait(int signal, std::chrono::milliseconds timeout);

private:
    pid_t m_pid = -1;
    int m_out = -1;
};

/// Runs a command to completion (bounded); returns exit status and stdout.
struct CommandResult
{
    int status = -1;
    std::string out;
};
CommandResult runCommand(const std::vector<std::string>& args,
                         std::chrono::milliseconds timeout = std::chrono::seconds(60),
                         const std::string& stdinText = {});

/// A temporary directory removed by the destructor.
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// Upstream simulator + gateway. Paths of the binaries come from the build (MG_CLI_PATH, MG_GATEWAY_PATH).
class GatewayStack
{
public:
    struct Options
    {
        std::string cliPath;
        std::string gatewayPath;
        std::uint64_t seed = 7;
        int tokenLatencyMs = 0;
        std::vector<std::string> extraGatewayArgs;
    };
    explicit GatewayStack(Options options);
    ~GatewayStack();

    /// Starts the simulator and the gateway; false (with `error()`) if either did not come up within 20 s.
    bool start();
    /// SIGKILL the gateway (no flush, no goodbye).
    void killGateway();
    /// SIGTERM the gateway and wait for its exit status.
    std::optional<int> stopGateway();
    /// Starts the gateway again with the same database and the same ports.
    bool restartGateway();

    std::uint16_t upstreamPort() const { return m_upstreamPort; }
    std::uint16_t dataPort() const { return m_dataPort; }
    std::uint16_t adminPort() const { return m_adminPort; }
    const std::string& adminToken() const { return m_adminToken; }
    const std::filesystem::path& dir() const { return m_dir.path(); }
    std::filesystem::path database() const { return m_dir.path() / "gateway.db"; }
    const std::string& error() const { return m_error; }
    /// Creates a viewer token directly in the database (as an operator would with bootstrap-token).
    std::string bootstrapToken(const std::string& role);
    std::string gatewayLog() const;

private:
    bool startGateway(std::uint16_t dataPort, std::uint16_t adminPort);

    Options m_options;
    TempDir m_dir;
    std::unique_ptr<ChildProcess> m_upstream;
    std::unique_ptr<ChildProcess> m_gateway;
    std::uint16_t m_upstreamPort = 0;
    std::uint16_t m_dataPort = 0;
    std::uint16_t m_adminPort = 0;
    std::string m_adminToken;
    std::string m_error;
    int m_starts = 0;
};

} // namespace modelguard::test
