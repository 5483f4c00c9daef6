// modelguard-cli: the engines of ModelGuard from the command line.
#include "app/cli/Commands.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    CLI::App app {"ModelGuard command line: watermarks, extraction-risk evaluation and simulators", "modelguard-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "modelguard-cli 0.1.0");

    modelguard::cli::CommandContext context;
    modelguard::cli::registerWatermarkCommands(app, context);
    modelguard::cli::registerRiskCommands(app, context);
    modelguard::cli::registerSimCommands(app, context);
    modelguard::cli::registerDemoCommands(app, context);
    modelguard::cli::registerAuditCommands(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        // Usage errors exit with 2 so that scripts can tell them from "not watermarked" (1).
        return rc == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "modelguard-cli: %s\n", e.what());
        return 2;
    }
    return context.exitCode;
}
