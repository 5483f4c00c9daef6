#include "app/cli/Commands.h"

namespace modelguard::cli {

void registerWatermarkCommands(CLI::App& /*app*/, CommandContext& /*context*/) { }

} // namespace modelguard::cli
