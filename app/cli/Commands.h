#pragma once
// Command groups of modelguard-cli. Each register function adds its subcommands to the root app; a subcommand's
// callback sets exitCode (0 success; each group documents its own non-zero codes; 2 = usage or input error).

#include <CLI/CLI.hpp>

namespace modelguard::cli {

struct CommandContext
{
    int exitCode = 0;
};

void registerWatermarkCommands(CLI::App& app, CommandContext& context);
void registerRiskCommands(CLI::App& app, CommandContext& context);
void registerSimCommands(CLI::App& app, CommandContext& context);
void registerDemoCommands(CLI::App& app, CommandContext& context);
void registerAuditCommands(CLI::App& app, CommandContext& context);

} // namespace modelguard::cli
