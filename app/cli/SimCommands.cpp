#include "app/cli/Commands.h"

namespace modelguard::cli {

void registerSimCommands(CLI::App& /*app*/, CommandContext& /*context*/) { }

} // namespace modelguard::cli
