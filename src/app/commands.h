#pragma once
// One function per subcommand of the antoan binary; each lives in cmd_<name>.cc.
#include <CLI/CLI.hpp>

namespace antoan::app {

void add_serve_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_audit_command(CLI::App& app);
void add_users_command(CLI::App& app);
void add_hotspots_command(CLI::App& app);
void add_check_command(CLI::App& app);
void add_scam_command(CLI::App& app);
void add_indicators_command(CLI::App& app);
void add_retention_command(CLI::App& app);

}  // namespace antoan::app
