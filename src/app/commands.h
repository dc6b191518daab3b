#pragma once
// One function per subcommand of the antoan binary; each lives in cmd_<name>.cc.
#include <CLI/CLI.hpp>

namespace antoan::app {

void add_serve_command(CLI::App& app);

}  // namespace antoan::app
