#include "app/cli/Commands.h"

namespace modelguard::cli {

void registerRiskCommands(CLI::App& /*app*/, CommandContext& /*context*/) { }

} // namespace modelguard::cli
